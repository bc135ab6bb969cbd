package org.twinlab.runtime.sheets;

import java.util.List;
import java.util.Map;
import org.twinlab.scenarios.engine.ActionRecord;

/**
 * The artefacts a candidate handed in for the review panel, in full on the sheet beside the marks
 * they earned: title and kind, when and by whom, what the platform measured, the text, each section
 * under its name and the figures quoted.
 */
final class ArtefactSheetHtml {
  private ArtefactSheetHtml() {}

  static void append(StringBuilder h, List<ActionRecord> actions, SheetLanguage l) {
    List<ActionRecord> taken = actions.stream().filter(a -> a.kind().equals("artefact") && a.outcome().accepted()).toList();
    if (taken.isEmpty()) return;
    h.append("<h2>").append(SheetHtml.esc(l.w("artefacts"))).append("</h2>\n");
    for (ActionRecord a : taken) {
      Map<String, Object> f = a.fields();
      h.append("<h3>").append(SheetHtml.esc(String.valueOf(f.get("title")))).append(" <span class=\"small\">")
          .append(SheetHtml.esc(l.f("handedIn", l.artefactKind(String.valueOf(f.get("kind"))), SheetHtml.mmss(a.elapsed()), a.who())))
          .append("</span></h3>\n");
      Map<String, String> measured = a.outcome().result();
      String headings = measured.getOrDefault("headings", "");
      h.append("<p class=\"small\">").append(SheetHtml.esc(l.f("wordsAndSections", measured.getOrDefault("words", "0"),
          headings.isEmpty() ? l.w("noSections") : headings))).append("</p>\n");
      if (f.get("text") instanceof String text && !text.isBlank()) h.append("<p class=\"artefact\">").append(SheetHtml.esc(text)).append("</p>\n");
      if (f.get("sections") instanceof Map<?, ?> sections) {
        sections.forEach((name, body) -> h.append("<h4>").append(SheetHtml.esc(String.valueOf(name))).append("</h4><p class=\"artefact\">")
            .append(SheetHtml.esc(String.valueOf(body))).append("</p>\n"));
      }
      if (f.get("figures") instanceof Map<?, ?> figures && !figures.isEmpty()) {
        h.append("<table><tr><th>").append(SheetHtml.esc(l.w("figure"))).append("</th><th>").append(SheetHtml.esc(l.w("value")))
            .append("</th></tr>");
        figures.forEach((name, value) -> h.append("<tr><td>").append(SheetHtml.esc(String.valueOf(name))).append("</td><td>")
            .append(SheetHtml.esc(String.valueOf(value))).append("</td></tr>"));
        h.append("</table>\n");
      }
    }
  }
}
