//! The organisation's logo: made once, when the strategist chooses the file, into a PNG of
//! bounded size that the workbook keeps ([`prepare`]); and read back as pixels for the PDF
//! ([`Pixels::of`]).
//!
//! Whatever was chosen (a PNG, a JPEG, an SVG) the documents only ever meet that PNG, so
//! every document of a workbook draws the same logo the same way, and an SVG's text is
//! drawn with this computer's fonts once rather than with whatever fonts the next one has.

use std::io::Cursor;

use groundwork_core::document_settings::{Logo, LOGO_MAX_SIDE};
use groundwork_core::text::thousands;
use groundwork_core::Invalid;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbaImage};

/// The largest file taken as a logo. A logo worth printing is a few hundred kilobytes; a
/// photograph straight from a camera is under 20 MB.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The largest picture decoded, a side, and in all: a file that claims more is refused before
/// its pixels are read (a small file can claim a picture of gigabytes).
const MAX_DECODED_SIDE: u32 = 16_384;
const MAX_DECODED_BYTES: u64 = 512 * 1024 * 1024;

fn refused(message: impl Into<String>) -> Invalid {
    Invalid::field("logo", message)
}

const NOT_AN_IMAGE: &str =
    "That file is not a PNG, JPEG or SVG image. Choose the logo as one of those (PNG or SVG keep a transparent background).";

/// Makes the logo the workbook keeps from the chosen file's bytes: the picture, turned the
/// way its camera said, fitted within [`LOGO_MAX_SIDE`] pixels a side, as a PNG. A file
/// that is empty, too large, damaged or not an image is refused with a sentence that says
/// what to do.
pub fn prepare(bytes: &[u8], file_name: &str) -> Result<Logo, Invalid> {
    check_size(bytes.len() as u64)?;
    let picture = match image::guess_format(bytes) {
        Ok(ImageFormat::Png) | Ok(ImageFormat::Jpeg) => raster(bytes)?,
        Ok(_) => return Err(refused(NOT_AN_IMAGE)),
        Err(_) if looks_like_svg(bytes) => drawing(bytes)?,
        Err(_) => return Err(refused(NOT_AN_IMAGE)),
    };
    let fitted = fit(picture);
    let (width, height) = fitted.dimensions();
    let mut png = Vec::new();
    DynamicImage::ImageRgba8(fitted)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|_| refused("The logo could not be kept. Try the file again, or another."))?;
    Ok(Logo {
        png,
        width,
        height,
        file_name: file_name.to_owned(),
    })
}

/// Refuses a file of `len` bytes that cannot be a logo (empty, or over [`MAX_FILE_BYTES`]):
/// the caller can ask before reading the file.
pub fn check_size(len: u64) -> Result<(), Invalid> {
    if len == 0 {
        return Err(refused(
            "That file is empty. Choose the image file of the logo.",
        ));
    }
    if len > MAX_FILE_BYTES as u64 {
        let megabytes = usize::try_from(len.div_ceil(1024 * 1024)).unwrap_or(usize::MAX);
        return Err(refused(format!(
            "That file is {} MB; a logo can be at most {} MB. Export a smaller version of it (a PNG about 1,200 pixels wide is plenty).",
            thousands(megabytes),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// A PNG or JPEG decoded, within the limits, and turned upright.
fn raster(bytes: &[u8]) -> Result<RgbaImage, Invalid> {
    let damaged = |_| {
        refused("That image could not be read: the file may be damaged or cut short. Open it in an image editor, save it again as PNG, and choose that.")
    };
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| refused(NOT_AN_IMAGE))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE);
    limits.max_image_height = Some(MAX_DECODED_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(too_large_or(damaged))?;
    let orientation = decoder.orientation().ok();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(too_large_or(damaged))?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    Ok(picture.to_rgba8())
}

/// The limits' refusal as its own sentence; any other failure as `otherwise` says.
fn too_large_or(
    otherwise: impl Fn(image::ImageError) -> Invalid,
) -> impl Fn(image::ImageError) -> Invalid {
    move |err| {
        match err {
        image::ImageError::Limits(_) => refused(format!(
            "That image is too large to use as a logo (more than {} pixels a side). Export a smaller version of it, about 1,200 pixels wide.",
            thousands(MAX_DECODED_SIDE as usize)
        )),
        other => otherwise(other),
    }
    }
}

/// Whether the bytes read as the start of an SVG document (an XML declaration, a comment or
/// the `<svg` element, after an optional byte-order mark), or a gzip-compressed SVG.
fn looks_like_svg(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    text.starts_with('<') && text.contains("<svg")
}

/// An SVG drawn at the size the workbook keeps: its longer side [`LOGO_MAX_SIDE`] pixels.
fn drawing(bytes: &[u8]) -> Result<RgbaImage, Invalid> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|_| {
        refused("That SVG could not be read: it may be damaged or not an SVG drawing. Open it in a vector editor, save it again as SVG or PNG, and choose that.")
    })?;
    let size = tree.size();
    let longer = size.width().max(size.height());
    if !longer.is_finite() || longer <= 0.0 {
        return Err(refused(
            "That SVG has no size to draw. Give the drawing a width and height (or a viewBox) in a vector editor, or export it as PNG.",
        ));
    }
    let scale = LOGO_MAX_SIDE as f32 / longer;
    let width = (size.width() * scale)
        .round()
        .clamp(1.0, LOGO_MAX_SIDE as f32) as u32;
    let height = (size.height() * scale)
        .round()
        .clamp(1.0, LOGO_MAX_SIDE as f32) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| refused("That SVG could not be drawn. Export it as PNG and choose that."))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let mut rgba = Vec::with_capacity(width as usize * height as usize * 4);
    for pixel in pixmap.pixels() {
        let c = pixel.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let picture = RgbaImage::from_raw(width, height, rgba)
        .ok_or_else(|| refused("That SVG could not be drawn. Export it as PNG and choose that."))?;
    if picture.pixels().all(|p| p.0[3] == 0) {
        return Err(refused(
            "That SVG draws nothing visible (it may rely on fonts or images this computer does not have). Export it as PNG and choose that.",
        ));
    }
    Ok(picture)
}

/// The picture fitted within [`LOGO_MAX_SIDE`] pixels a side, its shape kept; a smaller one
/// as it is.
fn fit(picture: RgbaImage) -> RgbaImage {
    let (w, h) = picture.dimensions();
    if w <= LOGO_MAX_SIDE && h <= LOGO_MAX_SIDE {
        return picture;
    }
    let scale = LOGO_MAX_SIDE as f32 / w.max(h) as f32;
    let nw = ((w as f32 * scale).round() as u32).clamp(1, LOGO_MAX_SIDE);
    let nh = ((h as f32 * scale).round() as u32).clamp(1, LOGO_MAX_SIDE);
    image::imageops::resize(&picture, nw, nh, image::imageops::FilterType::Lanczos3)
}

/// A kept logo's pixels as a PDF image takes them: colour and, when any pixel is not fully
/// opaque, a separate alpha channel (the image's soft mask).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    /// Red, green, blue: three bytes a pixel.
    pub rgb: Vec<u8>,
    /// One byte a pixel; `None` for an opaque picture.
    pub alpha: Option<Vec<u8>>,
}

impl Pixels {
    /// The kept logo's pixels; `None` when its PNG cannot be read (a workbook edited by hand),
    /// and the documents then print without it.
    pub fn of(logo: &Logo) -> Option<Pixels> {
        let picture = image::load_from_memory_with_format(&logo.png, ImageFormat::Png)
            .ok()?
            .to_rgba8();
        let (width, height) = picture.dimensions();
        if width == 0 || height == 0 || width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE {
            return None;
        }
        let pixels = picture.into_raw();
        let rgb: Vec<u8> = pixels
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        let alpha: Vec<u8> = pixels.chunks_exact(4).map(|p| p[3]).collect();
        let opaque = alpha.iter().all(|a| *a == u8::MAX);
        Some(Pixels {
            width,
            height,
            rgb,
            alpha: (!opaque).then_some(alpha),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(width: u32, height: u32, pixel: [u8; 4]) -> Vec<u8> {
        let picture = RgbaImage::from_pixel(width, height, image::Rgba(pixel));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(picture)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    fn jpeg_of(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_pixel(width, height, image::Rgb([200, 30, 40]));
        let mut out = Vec::new();
        DynamicImage::ImageRgb8(picture)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
            .unwrap();
        out
    }

    #[test]
    fn a_small_png_is_kept_as_it_is_and_a_large_one_is_fitted() {
        let small = prepare(&png_of(300, 100, [10, 20, 30, 255]), "mark.png").unwrap();
        assert_eq!((small.width, small.height), (300, 100));
        assert_eq!(small.file_name, "mark.png");
        let large = prepare(&png_of(4800, 1200, [10, 20, 30, 128]), "big.png").unwrap();
        assert_eq!((large.width, large.height), (1200, 300));
        let pixels = Pixels::of(&large).unwrap();
        assert_eq!(pixels.rgb.len(), 1200 * 300 * 3);
        assert_eq!(pixels.alpha.as_ref().map(Vec::len), Some(1200 * 300));
        assert_eq!(Pixels::of(&small).unwrap().alpha, None, "opaque: no mask");
    }

    #[test]
    fn a_jpeg_is_read() {
        let logo = prepare(&jpeg_of(640, 480), "photo.jpg").unwrap();
        assert_eq!((logo.width, logo.height), (640, 480));
        let pixels = Pixels::of(&logo).unwrap();
        assert!(
            pixels.rgb[0] > 150 && pixels.rgb[1] < 80,
            "{:?}",
            &pixels.rgb[..3]
        );
    }

    #[test]
    fn an_svg_is_drawn_at_the_kept_size() {
        let svg = br##"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="200" height="50">
  <rect x="0" y="0" width="100" height="50" fill="#1f6f78"/>
</svg>"##;
        let logo = prepare(svg, "mark.svg").unwrap();
        assert_eq!((logo.width, logo.height), (1200, 300));
        let pixels = Pixels::of(&logo).unwrap();
        let alpha = pixels.alpha.unwrap();
        assert_eq!(alpha[0], 255, "the left half is drawn");
        assert_eq!(alpha[1199], 0, "the right half is transparent");
        assert_eq!(&pixels.rgb[..3], &[0x1f, 0x6f, 0x78]);
    }

    #[test]
    fn what_is_not_a_usable_image_is_refused_with_a_sentence() {
        let message = |bytes: &[u8]| prepare(bytes, "x").unwrap_err().message;
        assert!(message(b"").contains("empty"));
        assert!(message(b"%PDF-1.7\n...").contains("not a PNG, JPEG or SVG"));
        assert!(message("Quarterly report, plain text".as_bytes()).contains("not a PNG"));
        assert!(message(b"<html><body>no drawing</body></html>").contains("not a PNG"));
        // A PNG cut off half way.
        let png = png_of(64, 64, [1, 2, 3, 255]);
        assert!(message(&png[..png.len() / 2]).contains("could not be read"));
        assert!(message(b"<svg xmlns='http://www.w3.org/2000/svg'><rect").contains("SVG"));
        let nothing = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>"#;
        assert!(message(nothing).contains("draws nothing"));
        let huge = vec![0u8; MAX_FILE_BYTES + 1];
        assert!(message(&huge).contains("at most 20 MB"));
        assert_eq!(
            prepare(b"", "x").unwrap_err().field.as_deref(),
            Some("logo")
        );
    }

    #[test]
    fn a_png_claiming_a_vast_picture_is_refused_before_its_pixels_are_read() {
        // A valid header for a 100,000 × 100,000 picture, and no pixels.
        let mut png = png_of(1, 1, [0, 0, 0, 255]);
        png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let message = prepare(&png, "bomb.png").unwrap_err().message;
        assert!(
            message.contains("too large") || message.contains("could not be read"),
            "{message}"
        );
    }

    #[test]
    fn a_kept_logo_that_is_not_a_png_prints_as_no_logo() {
        let broken = Logo {
            png: b"not a png".to_vec(),
            width: 10,
            height: 10,
            file_name: String::new(),
        };
        assert_eq!(Pixels::of(&broken), None);
    }
}
