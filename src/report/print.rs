//! Sending a PDF to the system's printing: `lp` where a CUPS scheduler answers (Linux, macOS),
//! otherwise the default PDF viewer (`xdg-open`, `open`), whose print dialog the user then uses;
//! on Windows the default viewer's print verb.

use std::path::Path;

use super::error::PrintError;
use std::process::Command;

/// The operating systems the app runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    Windows,
}

impl Os {
    /// The system this build runs on (other Unix systems behave like Linux).
    pub fn current() -> Os {
        if cfg!(target_os = "windows") {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::MacOs
        } else {
            Os::Linux
        }
    }
}

/// What printing will do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintPlan {
    pub program: String,
    pub args: Vec<String>,
    /// True when the file goes straight to the default printer; false when a viewer opens it.
    pub direct: bool,
}

impl PrintPlan {
    /// What happens, in words for the status bar.
    pub fn describe(&self) -> String {
        if self.direct {
            format!("已发送到默认打印机（{}）", self.program)
        } else {
            format!(
                "已用系统默认的 PDF 查看器打开（{}），请在其中打印",
                self.program
            )
        }
    }
}

/// The command for printing `pdf` on `os`, given whether `lp` with a running CUPS scheduler is
/// there.
pub fn plan(os: Os, cups: bool, pdf: &Path, title: &str) -> PrintPlan {
    let file = pdf.display().to_string();
    match (os, cups) {
        (Os::Linux | Os::MacOs, true) => PrintPlan {
            program: "lp".to_owned(),
            args: vec!["-t".to_owned(), title.to_owned(), "--".to_owned(), file],
            direct: true,
        },
        (Os::Linux, false) => PrintPlan {
            program: "xdg-open".to_owned(),
            args: vec![file],
            direct: false,
        },
        (Os::MacOs, false) => PrintPlan {
            program: "open".to_owned(),
            args: vec![file],
            direct: false,
        },
        (Os::Windows, _) => PrintPlan {
            program: "powershell".to_owned(),
            args: vec![
                "-NoProfile".to_owned(),
                "-NonInteractive".to_owned(),
                "-Command".to_owned(),
                format!(
                    "Start-Process -FilePath '{}' -Verb Print",
                    file.replace('\'', "''")
                ),
            ],
            direct: true,
        },
    }
}

/// True when `lpstat -r` reports a running CUPS scheduler (which also means `lp` is installed).
pub fn cups_running() -> bool {
    Command::new("lpstat").arg("-r").output().is_ok_and(|o| {
        let text = String::from_utf8_lossy(&o.stdout);
        o.status.success() && text.contains("is running") && !text.contains("not running")
    })
}

/// The plan for this machine.
pub fn plan_here(pdf: &Path, title: &str) -> PrintPlan {
    let os = Os::current();
    let cups = os != Os::Windows && cups_running();
    plan(os, cups, pdf, title)
}

/// Runs the plan and waits for the command (lp returns at once with a job id; the viewers
/// detach). Returns what happened, or why it failed.
pub fn run(plan: &PrintPlan) -> Result<String, PrintError> {
    let out = Command::new(&plan.program)
        .args(&plan.args)
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                PrintError::Missing {
                    program: plan.program.clone(),
                    what: if plan.direct {
                        "打印命令"
                    } else {
                        "打开 PDF 的程序"
                    },
                }
            } else {
                PrintError::Spawn {
                    program: plan.program.clone(),
                    source: e,
                }
            }
        })?;
    if out.status.success() {
        let said = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        Ok(if said.is_empty() {
            plan.describe()
        } else {
            format!("{}：{said}", plan.describe())
        })
    } else {
        Err(PrintError::Failed {
            program: plan.program.clone(),
            status: out.status,
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_system_gets_its_command() {
        let pdf = Path::new("/tmp/评价 报告.pdf");
        let lp = plan(Os::Linux, true, pdf, "得分汇总");
        assert_eq!(lp.program, "lp");
        assert_eq!(lp.args, ["-t", "得分汇总", "--", "/tmp/评价 报告.pdf"]);
        assert!(lp.direct);
        let viewer = plan(Os::Linux, false, pdf, "t");
        assert_eq!(
            (viewer.program.as_str(), viewer.direct),
            ("xdg-open", false)
        );
        assert_eq!(plan(Os::MacOs, true, pdf, "t").program, "lp");
        assert_eq!(plan(Os::MacOs, false, pdf, "t").program, "open");
        let win = plan(Os::Windows, false, Path::new(r"C:\Users\李's\a.pdf"), "t");
        assert_eq!(win.program, "powershell");
        assert_eq!(
            win.args.last().unwrap(),
            r"Start-Process -FilePath 'C:\Users\李''s\a.pdf' -Verb Print"
        );
    }

    #[test]
    fn this_machine_without_cups_opens_a_viewer() {
        // The build machine has no CUPS scheduler: printing falls back to the viewer.
        if !cups_running() && Os::current() == Os::Linux {
            let p = plan_here(Path::new("/tmp/x.pdf"), "t");
            assert_eq!(p.program, "xdg-open");
        }
    }
}
