package com.kreativnomentorstvo.participants.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kreativnomentorstvo.events.participants.Role;

/**
 * The certificate's PDF read back with PDFBox's own text extraction: in each of the six languages it
 * names the person, the programme (in the reader's language), the partners, the dates and the code
 * with where to check it; a Cyrillic reader gets a Serbian Latin name in Cyrillic.
 */
class CertificatePdfTests {

	private static final Map<String, String> NAMES = Map.of("en", "Regional Lab", "sr-Latn", "Regionalna laboratorija",
			"hr", "Regionalni laboratorij", "mk", "Регионална лабораторија", "sl", "Regionalni laboratorij SI");

	static CertificatePage page(Role role) {
		return new CertificatePage("Jelena Đurić", role, "Reg. Lab", NAMES, LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 7, 10), "Kreativno mentorstvo",
				List.of("Kultura Nova Zagreb", "Kooperativa Skopje", "Ljubljana Arts Hub"), "K7QM-3XPD-9WAB",
				"https://mentoring.example.org/api/v1/certificates/K7QM-3XPD-9WAB");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			en      | Regional Lab              | Certificate of participation | as a mentee      | January 15, 2027
			sr-Latn | Regionalna laboratorija   | Potvrda o učešću             | mentorisana osoba | 15. januar 2027.
			sr-Cyrl | Регионална лабораторија   | Потврда о учешћу             | менторисана особа | 15. јануар 2027.
			hr      | Regionalni laboratorij    | Potvrda o sudjelovanju       | mentorirana osoba | 15. siječnja 2027.
			mk      | Регионална лабораторија   | Потврда за учество           | менторирано лице  | 15 јануари 2027
			sl      | Regionalni laboratorij SI | Potrdilo o udeležbi          | mentoriranec/-ka  | 15. januar 2027
			""")
	void namesThePersonTheProgrammeAndThePartnersInEachLanguage(String language, String programme, String title,
			String role, String startsOn) throws IOException {
		String text = textOf(CertificatePdf.write(page(Role.MENTEE), Locale.forLanguageTag(language)));

		assertThat(text).contains("Jelena Đurić", programme, title, role, startsOn, "Kreativno mentorstvo",
				"Kultura Nova Zagreb", "Kooperativa Skopje", "Ljubljana Arts Hub", "K7QM-3XPD-9WAB",
				"https://mentoring.example.org/api/v1/certificates/K7QM-3XPD-9WAB");
	}

	@Test
	void aCyrillicReaderSeesASerbianLatinNameInCyrillic() throws IOException {
		CertificatePage onlySerbianLatin = new CertificatePage("Jelena Đurić", Role.MENTOR, "Reg. Lab",
				Map.of("sr-Latn", "Regionalna laboratorija za kulturu, Ljubljana i Niš"), LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 7, 10), "Kreativno mentorstvo", List.of(), "K7QM-3XPD-9WAB",
				"https://mentoring.example.org/api/v1/certificates/K7QM-3XPD-9WAB");

		String text = textOf(CertificatePdf.write(onlySerbianLatin, Locale.forLanguageTag("sr-Cyrl")));

		assertThat(text).contains("Регионална лабораторија за културу, Љубљана и Ниш", "ментор/ка", "Потврда о учешћу")
			.doesNotContain("Regionalna");
		assertThat(textOf(CertificatePdf.write(onlySerbianLatin, Locale.ENGLISH))).as("no English name: the one for every language")
			.contains("Reg. Lab");
	}

	@Test
	void theFontIsEmbeddedAsASubset() throws IOException {
		byte[] pdf = CertificatePdf.write(page(Role.MENTOR), Locale.forLanguageTag("mk"));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFont font = document.getPage(0).getResources().getFont(
					document.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			// a subset's name has a six-letter tag: ABCDEF+DejaVuSans
			assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans");
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("mk");
		}
		assertThat(pdf.length).as("a subset, not the whole 740 KB font").isLessThan(100_000);
	}

	@Test
	void aLetterTheFontLacksIsAQuestionMarkNotAFailure() throws IOException {
		CertificatePage page = new CertificatePage("李小龍 Lee", Role.MENTEE, "Reg. Lab", Map.of(), LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 7, 10), "Kreativno mentorstvo", List.of(), "K7QM-3XPD-9WAB",
				"https://mentoring.example.org/api/v1/certificates/K7QM-3XPD-9WAB");

		assertThat(textOf(CertificatePdf.write(page, Locale.ENGLISH))).contains("??? Lee");
	}

	static String textOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
