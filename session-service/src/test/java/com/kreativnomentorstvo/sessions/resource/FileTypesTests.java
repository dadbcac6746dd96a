package com.kreativnomentorstvo.sessions.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Files are judged by their bytes; the name's extension and the declared type must agree with them. */
class FileTypesTests {

	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };

	static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1 };

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	@Test
	void aPdfAPngAJpegAndPlainTextAreTakenWithTheTypeTheirBytesHave() {
		assertThat(FileTypes.judge(PDF, "guide.pdf", "application/pdf").contentType()).isEqualTo("application/pdf");
		assertThat(FileTypes.judge(PNG, "chart.PNG", "image/png").contentType()).isEqualTo("image/png");
		assertThat(FileTypes.judge(JPEG, "photo.jpg", "image/jpeg").contentType()).isEqualTo("image/jpeg");
		assertThat(FileTypes.judge("Notes for the pair\n".getBytes(StandardCharsets.UTF_8), "notes.txt",
				"text/plain; charset=UTF-8").contentType()).isEqualTo("text/plain");
	}

	@Test
	void officeDocumentsAreTakenWhenTheyHoldTheirMainPart() throws IOException {
		byte[] docx = zip(false, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
		assertThat(FileTypes.judge(docx, "plan.docx", DOCX).contentType()).isEqualTo(DOCX);
		byte[] odt = zip(true, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office/>");
		assertThat(FileTypes.judge(odt, "plan.odt", "application/vnd.oasis.opendocument.text").contentType())
			.isEqualTo("application/vnd.oasis.opendocument.text");
	}

	@Test
	void aZipRenamedToDocxIsRefused() throws IOException {
		byte[] zip = zip(false, "[Content_Types].xml", "<Types/>", "payload.bin", "x");
		assertThat(FileTypes.judge(zip, "plan.docx", DOCX).refusal()).isEqualTo(FileTypes.Refusal.CONTENT);
	}

	@Test
	void aProgramNamedPdfIsRefusedForItsContent() {
		byte[] program = Arrays.copyOf("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1), 1024);
		assertThat(FileTypes.judge(program, "guide.pdf", "application/pdf").refusal())
			.isEqualTo(FileTypes.Refusal.CONTENT);
		assertThat(FileTypes.judge(PNG, "guide.pdf", "application/pdf").refusal()).isEqualTo(FileTypes.Refusal.CONTENT);
	}

	@Test
	void bytesOfNoKnownTypeAreNotTakenForWhatTheirNameSays() {
		byte[] unknown = new byte[2048];
		for (int i = 0; i < unknown.length; i++) {
			unknown[i] = (byte) (i * 31 + 7);
		}
		for (String name : List.of("guide.pdf", "chart.png", "photo.jpeg", "plan.docx", "plan.odt", "notes.txt")) {
			assertThat(FileTypes.judge(unknown, name, FileTypes.BY_EXTENSION.get(FileTypes.extensionOf(name).orElseThrow()))
				.refusal()).as(name).isEqualTo(FileTypes.Refusal.CONTENT);
		}
	}

	@Test
	void aTypeOutsideTheListOrANameWithoutExtensionIsRefused() {
		assertThat(FileTypes.judge(PDF, "guide.exe", "application/pdf").refusal()).isEqualTo(FileTypes.Refusal.EXTENSION);
		assertThat(FileTypes.judge(PDF, "guide", "application/pdf").refusal()).isEqualTo(FileTypes.Refusal.EXTENSION);
		assertThat(FileTypes.judge("<svg/>".getBytes(StandardCharsets.UTF_8), "logo.svg", "image/svg+xml").refusal())
			.isEqualTo(FileTypes.Refusal.EXTENSION);
	}

	@Test
	void aDeclaredTypeThatDisagreesWithTheBytesIsRefused() {
		assertThat(FileTypes.judge(PDF, "guide.pdf", "image/png").refusal()).isEqualTo(FileTypes.Refusal.DECLARED);
		assertThat(FileTypes.judge(PDF, "guide.pdf", null).refusal()).isEqualTo(FileTypes.Refusal.DECLARED);
		assertThat(FileTypes.judge(PDF, "guide.pdf", "not a type").refusal()).isEqualTo(FileTypes.Refusal.DECLARED);
	}

	/** A zip of name/text pairs, the first entry stored (as ODF wants its {@code mimetype}) when asked. */
	private static byte[] zip(boolean firstStored, String... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < entries.length; i += 2) {
				byte[] content = entries[i + 1].getBytes(StandardCharsets.UTF_8);
				ZipEntry entry = new ZipEntry(entries[i]);
				if (i == 0 && firstStored) {
					CRC32 crc = new CRC32();
					crc.update(content);
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(content.length);
					entry.setCompressedSize(content.length);
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(content);
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
