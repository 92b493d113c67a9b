//! Laid-out pages: positioned text runs, lines, rectangles and polylines in points (origin at
//! the top-left corner, y downwards), drawn by the PDF writer and by the window's print preview.

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const GREY: Rgb = Rgb(110, 110, 110);
    pub const RULE: Rgb = Rgb(90, 90, 90);
    pub const HEADER_FILL: Rgb = Rgb(226, 232, 240);
    pub const LEVEL1_FILL: Rgb = Rgb(240, 243, 247);
}

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A single line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: Rgb,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
        dashed: bool,
    },
    /// A rectangle, filled and/or outlined.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(f32, Rgb)>,
    },
    /// An open polyline (chart series).
    Polyline {
        points: Vec<(f32, f32)>,
        width: f32,
        color: Rgb,
        dashed: bool,
    },
}

/// One page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Page {
    /// The text runs of the page, in drawing order (tests and the preview's search).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// A laid-out document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// PDF title.
    pub title: String,
    pub pages: Vec<Page>,
}

/// A4 portrait in points.
pub const A4: (f32, f32) = (595.28, 841.89);

/// Millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}
