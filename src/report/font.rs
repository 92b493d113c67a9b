//! The bundled CJK font for print: its bytes and the glyph advances that layout measures with
//! (krilla draws and subsets the font but does not measure text; egui's painter uses the same face).

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

/// fonts/NotoSansSC-Regular-GBK.otf (Noto Sans CJK SC cut to GBK, SIL OFL 1.1), embedded once
/// for the window and the printed report.
pub const CJK_FONT: &[u8] = include_bytes!("../../fonts/NotoSansSC-Regular-GBK.otf");

/// Glyph ids and advances of the bundled font.
pub struct FontMetrics {
    font: FontRef<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

/// One glyph of a measured string.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedGlyph {
    pub glyph_id: u32,
    /// Advance in em (multiply by the font size for points).
    pub advance_em: f32,
    /// Byte range of the character in the string.
    pub start: usize,
    pub end: usize,
}

impl FontMetrics {
    /// Reads the bundled font (`None` only if the embedded file were damaged).
    pub fn bundled() -> Option<FontMetrics> {
        let font = FontRef::new(CJK_FONT).ok()?;
        let units_per_em = f32::from(font.head().ok()?.units_per_em());
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        Some(FontMetrics {
            font,
            metrics,
            units_per_em,
        })
    }

    /// Glyph id and advance (em) of one character. A character the font lacks is drawn as its
    /// look-alike when there is one (the GBK cut has no U+2212 minus, which the explanations
    /// write: `(126,038.75−114,529.94)` printed as a gap), else as the missing-glyph box.
    pub fn glyph(&self, c: char) -> (u32, f32) {
        let charmap = self.font.charmap();
        let gid = charmap
            .map(c)
            .or_else(|| look_alike(c).and_then(|l| charmap.map(l)))
            .unwrap_or_default();
        let adv = self.metrics.advance_width(gid).unwrap_or(0.0) / self.units_per_em;
        (gid.to_u32(), adv)
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// The glyphs of `text`, one per character (CJK needs no shaping; the report's Latin text
    /// is digits and punctuation, which need no ligatures).
    pub fn glyphs(&self, text: &str) -> Vec<PlacedGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let (glyph_id, advance_em) = self.glyph(c);
                PlacedGlyph {
                    glyph_id,
                    advance_em,
                    start: i,
                    end: i + c.len_utf8(),
                }
            })
            .collect()
    }

    /// True when the font has a glyph for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.font.charmap().map(c).is_some()
    }
}

/// A character the GBK cut of the font has, drawn in place of one it lacks (the PDF's text
/// layer keeps the original character).
fn look_alike(c: char) -> Option<char> {
    Some(match c {
        '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
        '\u{2012}' => '\u{2013}',
        '\u{2044}' | '\u{2215}' => '/',
        '\u{2217}' => '*',
        '\u{223C}' => '~',
        '\u{2032}' => '\'',
        '\u{2033}' => '"',
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{202F}' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_one_em_and_digits_narrower() {
        let f = FontMetrics::bundled().unwrap();
        assert!((f.width("得分", 10.0) - 20.0).abs() < 0.01);
        let digits = f.width("84.69", 10.0);
        assert!(digits > 15.0 && digits < 30.0, "{digits}");
        assert!(f.has_glyph('良'));
    }

    #[test]
    fn a_minus_sign_the_font_lacks_prints_as_a_hyphen() {
        let f = FontMetrics::bundled().unwrap();
        assert!(!f.has_glyph('\u{2212}'));
        assert_ne!(f.glyph('\u{2212}').0, 0);
        assert_eq!(f.glyph('\u{2212}'), f.glyph('-'));
        // Characters without a look-alike still fall back to the missing-glyph box.
        assert_eq!(f.glyph('\u{1F600}').0, 0);
    }
}
