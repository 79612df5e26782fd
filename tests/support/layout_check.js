// The layout check run at every stop of the layout journey: called through WebDriver's
// execute with (screen, size), it returns a list of problems, each
// { screen, size, kind, element, detail }.
//
// Kinds:
//   "text cut off"        text overflows a box that clips it, without an ellipsis and the full
//                         text (title, aria-label, aria-description, a tooltip) at hand;
//   "select cut off"      the chosen option is wider than the select's room for it;
//   "input cut off"       an input's value (or its placeholder) is wider than the field;
//   "word broken"         a word the layout split over two lines;
//   "page scrolls"        the document scrolls sideways, or the window itself scrolls down;
//   "control off screen"  a visible, enabled control outside the viewport, not reachable by a
//                         scroll container that is itself on screen.
//
// Not rendered elements (display none, visibility hidden, zero size, clipped away as the
// .visually-hidden pattern does) and text inside SVG charts are left out.

const [screen, size] = arguments;
const problems = [];
const vw = window.innerWidth;
const vh = window.innerHeight;

function report(kind, el, detail) {
  problems.push({ screen, size, kind, element: describe(el), detail });
}

function norm(text) {
  return (text || "").replace(/\s+/g, " ").trim();
}

function describe(el) {
  let name = el.tagName.toLowerCase();
  const testid = el.getAttribute("data-testid");
  if (testid) name += `[data-testid=${testid}]`;
  else {
    const classes = [...el.classList].filter((c) => !c.startsWith("svelte-"));
    if (classes.length) name += "." + classes.join(".");
    else if (el.parentElement) {
      // No name of its own: say where it sits.
      const parent = el.parentElement;
      const ptestid = parent.getAttribute("data-testid");
      const pclasses = [...parent.classList].filter((c) => !c.startsWith("svelte-"));
      const pname = ptestid ? `[data-testid=${ptestid}]` : pclasses.length ? "." + pclasses.join(".") : parent.tagName.toLowerCase();
      name = `${pname} > ${name}`;
    }
  }
  let text = norm(el.innerText || el.textContent);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    text = el.value || el.placeholder || el.getAttribute("aria-label") || "";
  } else if (el instanceof HTMLSelectElement) {
    text = el.selectedOptions[0]?.text ?? "";
  }
  text = norm(text);
  if (text.length > 60) text = text.slice(0, 59) + "…";
  return text ? `${name} "${text}"` : name;
}

const styleCache = new Map();
function style(el) {
  let s = styleCache.get(el);
  if (!s) {
    s = getComputedStyle(el);
    styleCache.set(el, s);
  }
  return s;
}

// Clipped away as screen-reader-only text is: a clip, a clip-path inset, or a 1px box that
// hides its overflow.
function clippedAway(el) {
  const s = style(el);
  if (el.classList.contains("visually-hidden") || el.classList.contains("sr-only")) return true;
  if (s.clip && s.clip !== "auto" && /rect\(\s*0(px)?[ ,]+0(px)?[ ,]+0(px)?[ ,]+0(px)?\s*\)/.test(s.clip)) return true;
  if (s.clipPath && /inset\(\s*50%/.test(s.clipPath)) return true;
  const r = el.getBoundingClientRect();
  if (r.width <= 1 && r.height <= 1 && s.overflow !== "visible") return true;
  return false;
}

const renderedCache = new Map();
function rendered(el) {
  if (renderedCache.has(el)) return renderedCache.get(el);
  let result = true;
  const s = style(el);
  if (s.display === "none" || s.visibility === "hidden" || s.visibility === "collapse") result = false;
  else if (el.closest("svg")) result = false;
  else {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) result = false;
    else if (s.opacity === "0") result = false;
    else {
      for (let a = el; a && a !== document.body; a = a.parentElement) {
        if (clippedAway(a)) {
          result = false;
          break;
        }
        const as = style(a);
        if (as.display === "none" || as.opacity === "0") {
          result = false;
          break;
        }
      }
    }
  }
  renderedCache.set(el, result);
  return result;
}

function clipsX(s) {
  return s.overflowX === "hidden" || s.overflowX === "clip";
}

// The element's own text: its text nodes, and those of inline children that flow with them.
function ownText(el) {
  let text = "";
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node.nodeType === Node.ELEMENT_NODE && !(node instanceof SVGElement)) {
      const s = style(node);
      if (s.display === "inline") text += node.textContent;
    }
  }
  return norm(text);
}

// Where a person can read the whole text: the title, aria-label or aria-description of the
// element or of an ancestor (a button's title names its cut label), or a tooltip it points to.
function fullTextAvailable(el, text) {
  const wanted = norm(text).toLowerCase().replace(/…$/, "");
  if (!wanted) return true;
  for (let a = el, depth = 0; a && depth < 4; a = a.parentElement, depth++) {
    for (const attr of ["title", "aria-label", "aria-description"]) {
      const v = norm(a.getAttribute(attr)).toLowerCase();
      if (v && v.includes(wanted)) return true;
    }
    const described = a.getAttribute("aria-describedby");
    if (described) {
      for (const id of described.split(/\s+/)) {
        const tip = document.getElementById(id);
        if (tip && norm(tip.textContent).toLowerCase().includes(wanted)) return true;
      }
    }
  }
  return false;
}

const canvas = document.createElement("canvas").getContext("2d");
function textWidth(text, s) {
  canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
  const spacing = parseFloat(s.letterSpacing) || 0;
  return canvas.measureText(text).width + spacing * text.length;
}

function contentWidth(el, s) {
  return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
}

// WebKitGTK draws a native select's arrow inside its box, beside the padding: the room it
// takes (Adwaita: a 16px arrow and its spacing).
const SELECT_ARROW = 20;
const TEXT_INPUTS = new Set(["", "text", "search", "email", "url", "tel", "number", "password"]);

const all = [...document.body.querySelectorAll("*")];

// 1. Text cut off.
for (const el of all) {
  if (el instanceof SVGElement || el.closest("svg")) continue;
  if (!rendered(el)) continue;
  const s = style(el);
  if (el instanceof HTMLSelectElement) {
    const option = el.selectedOptions[0];
    if (!option) continue;
    const room = contentWidth(el, s) - (s.appearance === "none" ? 0 : SELECT_ARROW);
    const need = textWidth(option.text.trim(), s);
    if (need > room + 1) {
      report("select cut off", el, `the chosen option needs ${Math.ceil(need)}px, the select has ${Math.floor(room)}px`);
    }
    continue;
  }
  if (el instanceof HTMLInputElement) {
    if (!TEXT_INPUTS.has(el.type === "text" && !el.getAttribute("type") ? "" : el.type)) continue;
    const shown = el.value || el.placeholder;
    if (!shown) continue;
    const room = contentWidth(el, s) - (el.type === "number" ? 18 : 0);
    const need = textWidth(shown, s);
    if (need > room + 1) {
      const what = el.value ? "value" : "placeholder";
      report("input cut off", el, `its ${what} needs ${Math.ceil(need)}px, the field has ${Math.floor(room)}px`);
    }
    continue;
  }
  if (el instanceof HTMLTextAreaElement) continue;
  const text = ownText(el);
  if (!text) continue;
  if (el.scrollWidth <= el.clientWidth + 1) {
    // Overflowing a box that shows it, but cut by an ancestor that clips.
    if (s.overflowX !== "visible") continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const tr = range.getBoundingClientRect();
    if (tr.width === 0) continue;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const as = style(a);
      if (as.overflowX === "visible") continue;
      if (clipsX(as)) {
        const ar = a.getBoundingClientRect();
        const left = ar.left + a.clientLeft;
        const right = left + a.clientWidth;
        if (tr.right > right + 1 || tr.left < left - 1) {
          report("text cut off", el, `its text reaches ${Math.ceil(Math.max(tr.right - right, left - tr.left))}px beyond ${describe(a).split(" \"")[0]}, which clips it`);
        }
      }
      break;
    }
    continue;
  }
  if (!clipsX(s)) continue;
  const over = el.scrollWidth - el.clientWidth;
  if (s.textOverflow === "ellipsis") {
    if (fullTextAvailable(el, text)) continue;
    report("text cut off", el, `ellipsised by ${over}px with the full text nowhere (no title, aria-label or tooltip)`);
  } else {
    report("text cut off", el, `overflows its box by ${over}px, clipped without an ellipsis`);
  }
}

// 2. Words broken over two lines. A word with a hyphen, a soft hyphen, a dash, a slash or a
// zero-width space may break there; CJK text breaks between any two characters.
const BREAKABLE = /[-\u00AD\u2010\u2012-\u2015/\u200B\u3000-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const brokenWords = new Map();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || !node.textContent.trim()) continue;
  if (parent.closest("svg, script, style, noscript, textarea, select, option")) continue;
  if (!rendered(parent)) continue;
  const whole = document.createRange();
  whole.selectNodeContents(node);
  const lines = new Set([...whole.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  if (lines.size < 2) continue;
  const text = node.textContent;
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    if (word.length < 2 || BREAKABLE.test(word)) continue;
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + word.length);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    // Rects on one line can differ by a pixel or two (a bold letter, a different font).
    const sorted = [...tops].sort((a, b) => a - b);
    if (sorted.length > 1 && sorted[sorted.length - 1] - sorted[0] > 4) {
      const words = brokenWords.get(parent) || [];
      if (!words.includes(word)) words.push(word);
      brokenWords.set(parent, words);
    }
  }
}
for (const [el, words] of brokenWords) {
  report("word broken", el, `split over two lines: ${words.map((w) => `"${w}"`).join(", ")}`);
}

// 3. The page itself scrolling: only the content pane may.
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth) {
  // Name the outermost elements that reach past the right edge.
  const wide = all
    .filter((el) => !(el instanceof SVGElement) && rendered(el) && el.getBoundingClientRect().right > root.clientWidth + 1)
    .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
    .slice(0, 3)
    .map(describe);
  report("page scrolls", root, `the document is ${root.scrollWidth}px wide in a ${root.clientWidth}px window${wide.length ? "; too wide: " + wide.join(", ") : ""}`);
}
// The content pane scrolls up and down, never sideways: a screen wider than its pane hides
// what is on the right behind a scrollbar.
const pane = document.querySelector("main");
if (pane && pane.scrollWidth > pane.clientWidth + 1) {
  const paneRight = pane.getBoundingClientRect().right;
  const wide = [...pane.querySelectorAll("*")]
    .filter((el) => !(el instanceof SVGElement) && rendered(el) && el.getBoundingClientRect().right > paneRight + 1)
    .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= paneRight + 1)
    .slice(0, 3)
    .map(describe);
  report("pane scrolls sideways", pane, `the content is ${pane.scrollWidth}px wide in a ${pane.clientWidth}px pane${wide.length ? "; too wide: " + wide.join(", ") : ""}`);
}
const scroller = document.scrollingElement || root;
if (scroller.scrollHeight > vh + 1) {
  report("page scrolls", scroller, `the window scrolls: the document is ${scroller.scrollHeight}px tall in a ${vh}px window`);
}

// 4. Controls outside the viewport horizontally.
function scrollsX(el) {
  const s = style(el);
  return (s.overflowX === "auto" || s.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1;
}
for (const el of document.body.querySelectorAll("button, a[href], input, select, textarea, [role=tab]")) {
  if (el.closest("svg")) continue;
  if (el.disabled || (el instanceof HTMLInputElement && el.type === "hidden")) continue;
  if (!rendered(el)) continue;
  const r = el.getBoundingClientRect();
  if (r.left >= -1 && r.right <= vw + 1) continue;
  let reachable = false;
  for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
    if (scrollsX(a)) {
      const ar = a.getBoundingClientRect();
      reachable = ar.left >= -1 && ar.right <= vw + 1;
      break;
    }
  }
  if (reachable) continue;
  const where = r.right > vw + 1 ? `its right edge is at ${Math.round(r.right)}px of a ${vw}px viewport` : `its left edge is at ${Math.round(r.left)}px`;
  report("control off screen", el, `${where}, and no scroll container on screen brings it in`);
}

return problems;
