//! The council as a hemicycle (SVG): one dot per seat in concentric arcs, lists from left to
//! right in ballot order. Text alternatives are built in (a title and a description naming
//! every list's seats), so the picture adds nothing a screen reader would miss; the table beside
//! it carries the same figures.

use std::fmt::Write as _;

/// A list's seats and colour in the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party<'a> {
    /// Name, for the description.
    pub name: &'a str,
    /// Seats.
    pub seats: u32,
    /// Fill colour (`#rrggbb`).
    pub colour: &'static str,
}

/// The lists' colours, in the order the chart gives them. Each is a dark enough colour to stand
/// out from white by at least 3:1 (WCAG 1.4.11), and each differs from the next one (and the
/// last from the first) by a colour difference of at least 30 (CIELAB ΔE) for normal vision and
/// for each kind of colour blindness (protanopia, deuteranopia, tritanopia, simulated as Machado
/// et al. 2009 do): the tests check both. Neighbours in the chart always get neighbouring
/// colours ([`colours`]), so no two lists that touch can be mistaken for each other.
const PALETTE: [&str; 12] = [
    "#9c169c", "#2d9c16", "#5c4023", "#193366", "#b82e45", "#1d56c9", "#66194c", "#607010",
    "#391dc9", "#1d8fc9", "#301070", "#1f7a4d",
];

/// The colour of each list, given the lists' seats in ballot order: the lists with seats, which
/// sit side by side in the chart, take the palette in order; the lists without seats take the
/// colours after them (they are only in the table).
pub fn colours(seats: &[u32]) -> Vec<&'static str> {
    let seated = seats.iter().filter(|s| **s > 0).count();
    let (mut next_seated, mut next_other) = (0, seated);
    seats
        .iter()
        .map(|s| {
            let slot = if *s > 0 {
                next_seated += 1;
                next_seated - 1
            } else {
                next_other += 1;
                next_other - 1
            };
            PALETTE[slot % PALETTE.len()]
        })
        .collect()
}

/// Seat positions: `(x, y)` in a 200 × 110 box, ordered left to right by angle.
fn positions(seats: u32) -> Vec<(f64, f64)> {
    if seats == 0 {
        return Vec::new();
    }
    // Rows grow with the council; each row's share of seats follows its length (its radius).
    let rows = ((f64::from(seats) / 8.0).sqrt().ceil() as u32).clamp(1, 12);
    let inner = 40.0_f64;
    let outer = 95.0_f64;
    let radii: Vec<f64> = (0..rows)
        .map(|r| {
            if rows == 1 {
                outer
            } else {
                inner + (outer - inner) * f64::from(r) / f64::from(rows - 1)
            }
        })
        .collect();
    let total: f64 = radii.iter().sum();
    let mut per_row: Vec<u32> = radii
        .iter()
        .map(|r| (f64::from(seats) * r / total).floor() as u32)
        .collect();
    // The remainder to the outer rows first.
    let mut left = seats - per_row.iter().sum::<u32>();
    for row in (0..per_row.len()).rev().cycle() {
        if left == 0 {
            break;
        }
        per_row[row] += 1;
        left -= 1;
    }
    let mut points: Vec<(f64, f64, f64)> = Vec::new();
    for (radius, count) in radii.iter().zip(&per_row) {
        for i in 0..*count {
            let angle = if *count == 1 {
                std::f64::consts::FRAC_PI_2
            } else {
                std::f64::consts::PI * f64::from(i) / f64::from(count - 1)
            };
            // From the left (angle π) to the right (angle 0).
            let angle = std::f64::consts::PI - angle;
            points.push((
                angle,
                100.0 + radius * angle.cos(),
                102.0 - radius * angle.sin(),
            ));
        }
    }
    points.sort_by(|a, b| b.0.total_cmp(&a.0));
    points.into_iter().map(|(_, x, y)| (x, y)).collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart. `title` names it (e.g. "Zetelverdeling gemeenteraad Assen"); `id` makes its
/// title and description ids unique on a page.
pub fn svg(id: &str, title: &str, parties: &[Party<'_>]) -> String {
    let seats: u32 = parties.iter().map(|p| p.seats).sum();
    let points = positions(seats);
    let radius = if seats > 60 {
        2.6
    } else if seats > 30 {
        3.4
    } else {
        4.5
    };
    let description: Vec<String> = parties
        .iter()
        .filter(|p| p.seats > 0)
        .map(|p| format!("{}: {}", p.name, p.seats))
        .collect();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 110" role="img" aria-labelledby="{id}-title {id}-desc" class="hemicycle"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(&description.join("; "))
    );
    let mut seat = points.iter();
    for party in parties {
        for _ in 0..party.seats {
            if let Some((x, y)) = seat.next() {
                let _ = write!(
                    out,
                    r#"<circle cx="{x:.2}" cy="{y:.2}" r="{radius}" fill="{}"/>"#,
                    party.colour
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seat_is_a_dot_in_the_colour_of_its_list() {
        let colour = |n: usize| PALETTE[n - 1];
        for seats in [1, 9, 15, 19, 37, 45, 150] {
            assert_eq!(positions(seats).len(), seats as usize, "{seats}");
        }
        let chart = svg(
            "x",
            "Zetels <test>",
            &[
                Party {
                    name: "A & B",
                    seats: 3,
                    colour: colour(1),
                },
                Party {
                    name: "C",
                    seats: 0,
                    colour: colour(2),
                },
                Party {
                    name: "D",
                    seats: 2,
                    colour: colour(3),
                },
            ],
        );
        assert_eq!(chart.matches("<circle").count(), 5);
        assert_eq!(chart.matches(colour(1)).count(), 3);
        assert_eq!(chart.matches(colour(3)).count(), 2);
        assert!(chart.contains("<desc id=\"x-desc\">A &amp; B: 3; D: 2</desc>"));
        assert!(chart.contains("Zetels &lt;test&gt;"));
    }

    #[test]
    fn seats_run_from_left_to_right() {
        let points = positions(45);
        assert!(points.first().unwrap().0 <= 60.01);
        assert!(points.last().unwrap().0 >= 139.99);
        assert!(points.windows(2).all(|w| w[0].0 <= w[1].0 + 60.0));
    }

    #[test]
    fn neighbours_in_the_chart_get_neighbouring_colours_and_lists_without_seats_come_after() {
        let given = colours(&[3, 0, 2, 0, 1]);
        assert_eq!(
            given,
            vec![PALETTE[0], PALETTE[3], PALETTE[1], PALETTE[4], PALETTE[2]]
        );
        // More lists with seats than colours: the palette starts again, its last and first
        // colours being neighbours too.
        let many = colours(&[1; 14]);
        assert_eq!(many[12], PALETTE[0]);
    }

    /// sRGB component to linear light.
    fn linear(component: u8) -> f64 {
        let c = f64::from(component) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn rgb(hex: &str) -> [f64; 3] {
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
        [linear(byte(1)), linear(byte(3)), linear(byte(5))]
    }

    /// Colour blindness as Machado, Oliveira and Fernandes (2009) simulate it at full severity,
    /// on linear RGB.
    const VISIONS: [[[f64; 3]; 3]; 4] = [
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ];

    /// CIELAB (D65) of linear RGB as seen with `vision`.
    fn lab(colour: [f64; 3], vision: &[[f64; 3]; 3]) -> [f64; 3] {
        let seen: Vec<f64> = vision
            .iter()
            .map(|row| {
                (row[0] * colour[0] + row[1] * colour[1] + row[2] * colour[2]).clamp(0.0, 1.0)
            })
            .collect();
        let (r, g, b) = (seen[0], seen[1], seen[2]);
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 216.0 / 24389.0 {
                t.cbrt()
            } else {
                (24389.0 / 27.0 * t + 16.0) / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    #[test]
    fn every_colour_stands_out_from_white_and_each_differs_from_the_next_for_every_vision() {
        for hex in PALETTE {
            let [r, g, b] = rgb(hex);
            let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            let contrast = 1.05 / (luminance + 0.05);
            assert!(contrast >= 3.0, "{hex} against white: {contrast:.2}");
        }
        for (i, hex) in PALETTE.iter().enumerate() {
            let next = PALETTE[(i + 1) % PALETTE.len()];
            for (v, vision) in VISIONS.iter().enumerate() {
                let (a, b) = (lab(rgb(hex), vision), lab(rgb(next), vision));
                let difference =
                    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt();
                assert!(
                    difference >= 30.0,
                    "{hex} and {next} differ by only {difference:.1} for vision {v}"
                );
            }
        }
    }
}
