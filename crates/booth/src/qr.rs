//! The QR code of a printed ballot: drawn as a PNG picture, and read back from a picture (a
//! scan or a photograph of the ballot) as the ballot box's scanner does.

use std::io::Cursor;

use image::{GrayImage, ImageFormat, ImageReader, Luma};
use qrcode::{Color, EcLevel, QrCode};

/// Largest picture the scanner reads (in pixels per side): a ballot page at 300 dpi fits.
pub const MAX_SIDE: u32 = 6000;

/// Largest picture file read: a 6000 × 6000 grey scan as PNG, uncompressed.
pub const MAX_PICTURE_BYTES: u64 = 40 * 1024 * 1024;

/// Why a code cannot be made or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// The data does not fit a QR code.
    #[error("the ballot does not fit in a QR code: {0}")]
    TooLong(String),
    /// The picture cannot be read.
    #[error("the picture cannot be read: {0}")]
    Picture(String),
    /// No readable code in the picture.
    #[error("no readable QR code in the picture")]
    NoCode,
    /// More than one code in the picture.
    #[error("more than one QR code in the picture")]
    SeveralCodes,
}

/// The modules of the code for `data`: `width` rows of `width` (true = dark), with medium error
/// correction (15 %), so a creased or stained ballot still reads.
pub fn modules(data: &[u8]) -> Result<(usize, Vec<bool>), QrError> {
    let code = QrCode::with_error_correction_level(data, EcLevel::M)
        .map_err(|e| QrError::TooLong(e.to_string()))?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok((width, dark))
}

/// The code for `data` as a PNG: `scale` pixels per module, with the standard quiet zone of four
/// modules.
pub fn png(data: &[u8], scale: u32) -> Result<Vec<u8>, QrError> {
    let (width, dark) = modules(data)?;
    let quiet = 4;
    let side = (width as u32 + 2 * quiet) * scale;
    let image = GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / scale, y / scale);
        let on = mx >= quiet
            && my >= quiet
            && (mx - quiet) < width as u32
            && (my - quiet) < width as u32
            && dark[((my - quiet) as usize) * width + (mx - quiet) as usize];
        Luma([if on { 0 } else { 255 }])
    });
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .map_err(|e| QrError::Picture(e.to_string()))?;
    Ok(bytes)
}

/// Reads the one QR code in a picture (PNG) and returns its bytes.
pub fn read(picture: &[u8]) -> Result<Vec<u8>, QrError> {
    let mut reader = ImageReader::new(Cursor::new(picture))
        .with_guessed_format()
        .map_err(|e| QrError::Picture(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|e| QrError::Picture(e.to_string()))?
        .into_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        image.width() as usize,
        image.height() as usize,
        |x, y| image.get_pixel(x as u32, y as u32).0[0],
    );
    let grids = prepared.detect_grids();
    let mut found = Vec::new();
    for grid in grids {
        let mut bytes = Vec::new();
        if grid.decode_to(&mut bytes).is_ok() {
            found.push(bytes);
        }
    }
    match found.len() {
        0 => Err(QrError::NoCode),
        1 => Ok(found.remove(0)),
        _ => Err(QrError::SeveralCodes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_drawn_as_a_picture_reads_back_to_its_bytes() {
        let data: Vec<u8> = (0..=255u8).chain(0..40).collect();
        let picture = png(&data, 3).expect("png");
        assert_eq!(read(&picture), Ok(data));
    }

    #[test]
    fn a_picture_without_a_code_or_not_a_picture_is_refused() {
        let blank = GrayImage::from_pixel(200, 200, Luma([255]));
        let mut bytes = Vec::new();
        blank
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .expect("png");
        assert_eq!(read(&bytes), Err(QrError::NoCode));
        assert!(matches!(read(b"not a picture"), Err(QrError::Picture(_))));
    }
}
