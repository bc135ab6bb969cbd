package org.twinlab.runtime.sheets;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The score sheet's page rendered to PDF (openhtmltopdf over PDFBox). Chinese names need a CJK
 * font: the first of the usual system fonts that is installed is embedded; without one such
 * characters print as blanks and the HTML sheet is the one to use.
 */
public final class SheetPdf {
  private static final List<String> CJK_FONTS = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
      "/usr/share/fonts/truetype/arphic/uming.ttc");

  private SheetPdf() {}

  public static byte[] render(String xhtml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      for (String f : CJK_FONTS) {
        File file = new File(f);
        if (file.canRead() && f.endsWith(".ttf")) b.useFont(file, "sans-serif");
      }
      b.withHtmlContent(xhtml, null);
      b.toStream(out);
      b.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering a score sheet", e);
    }
  }
}
