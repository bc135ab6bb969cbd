package org.twinlab.runtime.sheets;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The score sheet's page rendered to PDF (openhtmltopdf over PDFBox). Latin text keeps the PDF's
 * own sans-serif; Chinese text falls back to Noto Sans SC, which ships in this jar (see the module
 * README) and is embedded as a subset of the glyphs the sheet uses. Rendering blocks: call it on a
 * worker thread.
 */
public final class SheetPdf {
  /** The family the sheet's stylesheet names after sans-serif, for the characters it lacks. */
  static final String CJK_FAMILY = "Noto Sans SC";
  private static final String FONTS = "/org/twinlab/runtime/sheets/fonts/";

  private SheetPdf() {}

  public static byte[] render(String xhtml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.useFont(() -> new ByteArrayInputStream(Fonts.REGULAR), CJK_FAMILY, 400, FontStyle.NORMAL, true);
      b.useFont(() -> new ByteArrayInputStream(Fonts.BOLD), CJK_FAMILY, 700, FontStyle.NORMAL, true);
      b.withHtmlContent(xhtml, null);
      b.toStream(out);
      b.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering a score sheet", e);
    }
  }

  /** The font files, read once, on the first PDF. */
  private static final class Fonts {
    static final byte[] REGULAR = read("NotoSansSC-Regular.ttf");
    static final byte[] BOLD = read("NotoSansSC-Bold.ttf");

    private static byte[] read(String name) {
      try (InputStream in = SheetPdf.class.getResourceAsStream(FONTS + name)) {
        if (in == null) throw new IllegalStateException("the score sheets' CJK font " + FONTS + name + " is missing from the build");
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("reading the score sheets' CJK font " + name, e);
      }
    }
  }
}
