//! Who holds a workbook's writer lock: the program (a window or the command line), its process
//! and its computer, as written into the lock file and read back for a refusal's sentence.

use std::fmt;
use std::sync::OnceLock;

/// What kind of program this process is, as written into the lock files it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// The desktop app: the default.
    Window,
    /// The `groundwork` command.
    CommandLine,
}

static OPENER: OnceLock<Opener> = OnceLock::new();

/// Says what kind of program this process is, once, before it opens a workbook; what others
/// are told when they find a workbook it holds. The desktop app need not call it.
pub fn identify_as(opener: Opener) {
    let _ = OPENER.set(opener);
}

fn this_opener() -> Opener {
    OPENER.get().copied().unwrap_or(Opener::Window)
}

/// Who holds a workbook's writer lock, as far as its lock file says (a lock file written by an
/// older Groundwork says nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holder {
    pub opener: Option<Opener>,
    pub pid: Option<u32>,
    /// The computer, when it is not this one (a workbook in a shared folder).
    pub host: Option<String>,
}

impl Holder {
    pub(crate) fn this_process() -> String {
        let opener = match this_opener() {
            Opener::Window => "window",
            Opener::CommandLine => "command",
        };
        format!(
            "groundwork writer lock\nopener={opener}\npid={}\nhost={}\n",
            std::process::id(),
            host_name().unwrap_or_default()
        )
    }

    pub(crate) fn parse(text: &str) -> Holder {
        let mut holder = Holder::default();
        for line in text.lines() {
            match line.split_once('=') {
                Some(("opener", "window")) => holder.opener = Some(Opener::Window),
                Some(("opener", "command")) => holder.opener = Some(Opener::CommandLine),
                Some(("pid", pid)) => holder.pid = pid.parse().ok(),
                Some(("host", host))
                    if !host.is_empty() && Some(host) != host_name().as_deref() =>
                {
                    holder.host = Some(host.to_owned());
                }
                _ => {}
            }
        }
        holder
    }

    /// What the user should do to free the workbook.
    pub fn advice(&self) -> &'static str {
        match self.opener {
            Some(Opener::CommandLine) => "let the command finish first",
            _ => "close it there first",
        }
    }
}

/// "in another Groundwork window (process 4242)", "by the groundwork command (process 4242 on
/// studio-laptop)".
impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.opener {
            Some(Opener::Window) => "in another Groundwork window",
            Some(Opener::CommandLine) => "by the groundwork command",
            None => "in another Groundwork window or by the groundwork command",
        })?;
        match (self.pid, &self.host) {
            (Some(pid), Some(host)) => write!(f, " (process {pid} on {host})"),
            (Some(pid), None) => write!(f, " (process {pid})"),
            (None, Some(host)) => write!(f, " (on {host})"),
            (None, None) => Ok(()),
        }
    }
}

fn host_name() -> Option<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").ok()?;
    Some(name.trim().to_owned()).filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_file_names_its_holder_and_an_old_one_names_none() {
        let text = "groundwork writer lock\nopener=command\npid=4242\nhost=\n";
        let holder = Holder::parse(text);
        assert_eq!(
            holder.to_string(),
            "by the groundwork command (process 4242)"
        );
        assert_eq!(holder.advice(), "let the command finish first");
        let other_computer = Holder::parse("opener=window\npid=7\nhost=a-computer-not-this-one");
        assert_eq!(
            other_computer.to_string(),
            "in another Groundwork window (process 7 on a-computer-not-this-one)"
        );
        assert_eq!(
            Holder::parse("").to_string(),
            "in another Groundwork window or by the groundwork command",
            "a lock file an older Groundwork left says nothing about its holder"
        );
    }
}
