//! Colours by role, from the 16 ANSI colours. Without colour every role keeps its modifier (bold,
//! reversed, dim), and meaning is always also carried by a marker or a word.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub muted: Style,
    pub important: Style,
    pub selected: Style,
    pub header: Style,
    pub error: Style,
    pub warning: Style,
    pub good: Style,
    pub tab_active: Style,
    pub banner: Style,
    pub border: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        let c = |style: Style, fg: Color| if color { style.fg(fg) } else { style };
        Theme {
            base: Style::default(),
            muted: if color {
                Style::default().fg(Color::DarkGray)
            } else {
                Style::default().add_modifier(Modifier::DIM)
            },
            important: c(Style::default().add_modifier(Modifier::BOLD), Color::Cyan),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            header: c(Style::default().add_modifier(Modifier::BOLD), Color::Blue),
            error: c(Style::default().add_modifier(Modifier::BOLD), Color::Red),
            warning: c(Style::default(), Color::Yellow),
            good: c(Style::default(), Color::Green),
            tab_active: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            banner: if color {
                Style::default()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD)
            } else {
                Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            },
            border: c(Style::default(), Color::DarkGray),
        }
    }
}
