//! The booklet's charts as inline SVG, drawn with plotters' SVG backend: bars with their numbers
//! written on them (so a chart reads without colour and in print), the previous year as a line
//! of dots, and small groups (`<5`, `*`) drawn as no bar at all, so no length gives a count away.
//! Every chart has a table beside it in the page; the SVG itself is hidden from screen readers
//! (the page gives the figure a text alternative).

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const WIDTH: u32 = 720;
const FONT: &str = "sans-serif";
const INK: RGBColor = RGBColor(34, 34, 34);
const BAR: RGBColor = RGBColor(31, 95, 139);
const BEFORE: RGBColor = RGBColor(150, 110, 40);
const GRID: RGBColor = RGBColor(225, 225, 225);

/// One bar's figure: `Some(n)` drawn, `None` a hidden small group (its text says why).
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    /// What is written at the bar: "12", "40.0%", "<5".
    pub text: String,
}

type Failed = String;

fn failed<E: std::fmt::Debug>(e: E) -> Failed {
    format!("cannot draw a chart: {e:?}")
}

/// The SVG made presentational: the page's figure carries the text alternative.
fn finish(svg: String) -> String {
    svg.replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1)
}

/// A tidy top for an axis: room above the highest bar for its number.
fn top(max: f64) -> f64 {
    if max <= 0.0 { 1.0 } else { max * 1.18 }
}

/// Bars up the page, one per label (months, years), with an optional line of dots for the same
/// labels a year before (the page's caption names both).
pub fn columns(bars: &[Bar], before: Option<&[Option<f64>]>) -> Result<String, Failed> {
    let n = bars.len().max(1) as u32;
    let max = bars
        .iter()
        .filter_map(|b| b.value)
        .chain(before.iter().flat_map(|v| v.iter().flatten().copied()))
        .fold(0.0, f64::max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 280)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(44)
            // An integer range holds its end: 0..n-1 is n segments.
            .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..top(max))
            .map_err(failed)?;
        let label = |v: &SegmentValue<u32>| match v {
            SegmentValue::CenterOf(i) => bars.get(*i as usize).map(|b| b.label.clone()).unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .x_labels(n as usize)
            .x_label_formatter(&label)
            .y_labels(5)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .label_style((FONT, 13).into_font().color(&INK))
            .axis_style(INK)
            .draw()
            .map_err(failed)?;
        chart
            .draw_series(bars.iter().enumerate().filter_map(|(i, b)| {
                let v = b.value?;
                let mut r = Rectangle::new(
                    [
                        (SegmentValue::Exact(i as u32), v),
                        (SegmentValue::Exact(i as u32 + 1), 0.0),
                    ],
                    BAR.filled(),
                );
                r.set_margin(0, 0, 6, 6);
                Some(r)
            }))
            .map_err(failed)?;
        let above = Pos::new(HPos::Center, VPos::Bottom);
        chart
            .draw_series(bars.iter().enumerate().map(|(i, b)| {
                let at = (SegmentValue::CenterOf(i as u32), b.value.unwrap_or(0.0));
                EmptyElement::at(at)
                    + Text::new(
                        b.text.clone(),
                        (0, -3),
                        (FONT, 13).into_font().color(&INK).pos(above),
                    )
            }))
            .map_err(failed)?;
        if let Some(values) = before {
            let points: Vec<(SegmentValue<u32>, f64)> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (SegmentValue::CenterOf(i as u32), v)))
                .collect();
            chart
                .draw_series(LineSeries::new(points.clone(), BEFORE.stroke_width(2)))
                .map_err(failed)?;
            chart
                .draw_series(points.into_iter().map(|p| Circle::new(p, 4, BEFORE.filled())))
                .map_err(failed)?;
        }
        root.present().map_err(failed)?;
    }
    Ok(finish(svg))
}

/// Bars across the page, one per group (chapters, races, offerings), first at the top; with
/// `marks`, a reference share drawn as a tick on each line (the student population beside the
/// cohort; the page's caption says so).
pub fn rows(bars: &[Bar], marks: Option<&[Option<f64>]>) -> Result<String, Failed> {
    let n = bars.len().max(1) as u32;
    let max = bars
        .iter()
        .filter_map(|b| b.value)
        .chain(marks.iter().flat_map(|v| v.iter().flatten().copied()))
        .fold(0.0, f64::max);
    let longest = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(4) as u32;
    let height = 50 + 26 * n;
    // The first group at the top: plotters counts up from the bottom.
    let row = |i: usize| n - 1 - i as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(24)
            .y_label_area_size((longest * 7 + 16).min(WIDTH / 2))
            .build_cartesian_2d(0.0..top(max), (0..n - 1).into_segmented())
            .map_err(failed)?;
        let label = |v: &SegmentValue<u32>| match v {
            SegmentValue::CenterOf(k) => (n - 1)
                .checked_sub(*k)
                .and_then(|i| bars.get(i as usize))
                .map(|b| b.label.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .y_labels(n as usize)
            .y_label_formatter(&label)
            .x_labels(5)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .label_style((FONT, 13).into_font().color(&INK))
            .axis_style(INK)
            .draw()
            .map_err(failed)?;
        chart
            .draw_series(bars.iter().enumerate().filter_map(|(i, b)| {
                let v = b.value?;
                let mut r = Rectangle::new(
                    [
                        (0.0, SegmentValue::Exact(row(i) + 1)),
                        (v, SegmentValue::Exact(row(i))),
                    ],
                    BAR.filled(),
                );
                r.set_margin(5, 5, 0, 0);
                Some(r)
            }))
            .map_err(failed)?;
        let after = Pos::new(HPos::Left, VPos::Center);
        chart
            .draw_series(bars.iter().enumerate().map(|(i, b)| {
                let at = (b.value.unwrap_or(0.0), SegmentValue::CenterOf(row(i)));
                EmptyElement::at(at)
                    + Text::new(
                        b.text.clone(),
                        (5, 0),
                        (FONT, 13).into_font().color(&INK).pos(after),
                    )
            }))
            .map_err(failed)?;
        if let Some(values) = marks {
            chart
                .draw_series(values.iter().enumerate().filter_map(|(i, v)| {
                    let v = (*v)?;
                    Some(PathElement::new(
                        vec![
                            (v, SegmentValue::Exact(row(i) + 1)),
                            (v, SegmentValue::Exact(row(i))),
                        ],
                        BEFORE.stroke_width(3),
                    ))
                }))
                .map_err(failed)?;
        }
        root.present().map_err(failed)?;
    }
    Ok(finish(svg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: Option<f64>) -> Bar {
        Bar {
            label: label.into(),
            value,
            text: value.map(|v| format!("{v}")).unwrap_or_else(|| "<5".into()),
        }
    }

    #[test]
    fn charts_are_svg_with_their_labels_and_no_bar_for_a_hidden_group() {
        let bars = [bar("Jul", Some(17.0)), bar("Aug & <Sep>", Some(19.0))];
        let svg = columns(&bars, Some(&[Some(20.0), None])).unwrap();
        assert!(svg.starts_with("<svg aria-hidden=\"true\""), "{svg}");
        assert!(svg.contains(">\nJul\n</text>") || svg.contains("Jul"), "{svg}");
        assert!(svg.contains("Aug &amp; &lt;Sep&gt;"), "labels are escaped: {svg}");
        let hidden = [bar("Fiscal", Some(12.0)), bar("Maintenance", None)];
        let svg = rows(&hidden, None).unwrap();
        assert!(svg.contains("&lt;5"), "{svg}");
        // One bar, not two.
        let filled = format!("fill=\"#{:02X}{:02X}{:02X}\"", BAR.0, BAR.1, BAR.2);
        assert_eq!(svg.matches(&filled).count(), 1, "{svg}");
    }
}
