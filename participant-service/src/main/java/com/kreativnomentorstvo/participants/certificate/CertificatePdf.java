package com.kreativnomentorstvo.participants.certificate;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a certificate as a one-page PDF (A4 landscape) in the reader's language with Apache PDFBox.
 * The text is set in DejaVu Sans, which has Latin and Cyrillic letters (the PDF Standard 14 fonts
 * have no Cyrillic); only the glyphs used are embedded (a subset), so a certificate stays small.
 */
final class CertificatePdf {

	static final String FONT = "/fonts/DejaVuSans.ttf";

	private static final byte[] FONT_BYTES = read(FONT);

	private static final float MARGIN = 60;

	private static final Color INK = new Color(0x1f, 0x2a, 0x44);

	private static final Color QUIET = new Color(0x55, 0x5f, 0x73);

	private CertificatePdf() {
	}

	/** The certificate in the language, as the bytes of a PDF. */
	static byte[] write(CertificatePage page, Locale language) {
		CertificateTexts texts = new CertificateTexts(language);
		String programme = CertificateLanguage.name(language, page.programmeName(), page.programmeNames());
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDFont font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
			PDPage sheet = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
			document.addPage(sheet);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(texts.text("title") + " – " + page.person() + " – " + programme);
			info.setCreator("Mentoring platform");
			document.getDocumentCatalog().setLanguage(language.toLanguageTag());
			try (PDPageContentStream content = new PDPageContentStream(document, sheet)) {
				Lines lines = new Lines(content, font, sheet.getMediaBox());
				lines.frame();
				lines.centred(texts.text("title"), 30, INK, 100);
				lines.gap(26);
				lines.centred(texts.text("certifies"), 14, QUIET, 0);
				lines.gap(10);
				lines.centred(page.person(), 28, INK, 0);
				lines.gap(10);
				lines.centred(texts.text("took-part." + page.role().name()), 14, QUIET, 0);
				lines.gap(10);
				lines.centred(programme, 22, INK, 0);
				lines.gap(6);
				lines.centred(texts.text("held", texts.date(page.startsOn()), texts.date(page.endsOn())), 13, QUIET, 0);
				lines.gap(18);
				lines.centred(texts.text("organiser", page.organiser()), 13, INK, 0);
				if (!page.partners().isEmpty()) {
					lines.centred(texts.text("partners", String.join(", ", page.partners())), 13, INK, 0);
				}
				lines.gap(18);
				lines.centred(texts.text("completed", texts.date(page.completedOn())), 13, INK, 0);
				lines.footer(List.of(texts.text("code", page.code()), texts.text("check-at", page.verificationUrl())),
						10, QUIET);
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write a certificate", ex);
		}
	}

	private static byte[] read(String resource) {
		try (InputStream in = CertificatePdf.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Centred lines from the top of the page down, wrapped at the margins. */
	private static final class Lines {

		private final PDPageContentStream content;

		private final PDFont font;

		private final PDRectangle box;

		private float y;

		Lines(PDPageContentStream content, PDFont font, PDRectangle box) {
			this.content = content;
			this.font = font;
			this.box = box;
			this.y = box.getHeight() - MARGIN;
		}

		void frame() throws IOException {
			content.setStrokingColor(INK);
			content.setLineWidth(2);
			content.addRect(MARGIN / 2, MARGIN / 2, box.getWidth() - MARGIN, box.getHeight() - MARGIN);
			content.stroke();
		}

		void gap(float points) {
			y -= points;
		}

		/** @param top how far below the page's top margin the line starts, or 0 to follow the last */
		void centred(String text, float size, Color color, float top) throws IOException {
			if (top > 0) {
				y = box.getHeight() - top;
			}
			for (String line : wrap(text, size)) {
				y -= size * 1.25f;
				show(line, size, color, y);
			}
		}

		void footer(List<String> texts, float size, Color color) throws IOException {
			float at = MARGIN + (texts.size() - 1) * size * 1.5f;
			for (String text : texts) {
				for (String line : wrap(text, size)) {
					show(line, size, color, at);
					at -= size * 1.5f;
				}
			}
		}

		private void show(String text, float size, Color color, float baseline) throws IOException {
			String line = printable(text);
			float width = font.getStringWidth(line) / 1000 * size;
			content.beginText();
			content.setFont(font, size);
			content.setNonStrokingColor(color);
			content.newLineAtOffset((box.getWidth() - width) / 2, baseline);
			content.showText(line);
			content.endText();
		}

		/** The text with what the font has no glyph for (a script DejaVu Sans lacks) as "?". */
		private String printable(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach(codePoint -> {
				String character = Character.toString(codePoint);
				try {
					font.encode(character);
					out.append(character);
				}
				catch (IOException | IllegalArgumentException missing) {
					out.append('?');
				}
			});
			return out.toString();
		}

		private List<String> wrap(String text, float size) throws IOException {
			float room = box.getWidth() - 3 * MARGIN;
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.strip().split("\\s+")) {
				String longer = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && font.getStringWidth(printable(longer)) / 1000 * size > room) {
					lines.add(line.toString());
					line = new StringBuilder(word);
				}
				else {
					line = new StringBuilder(longer);
				}
			}
			lines.add(line.toString());
			return lines;
		}

	}

}
