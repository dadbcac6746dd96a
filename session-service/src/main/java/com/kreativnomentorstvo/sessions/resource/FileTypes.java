package com.kreativnomentorstvo.sessions.resource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The files the library takes: documents and images only, told apart by their bytes (Apache Tika's
 * magic numbers), never by what the uploader says. The file name's extension and the declared
 * content type must both agree with what the bytes are; an office document must also hold its main
 * part (so a renamed zip is not a DOCX).
 */
final class FileTypes {

	/** The types taken, by file name extension. */
	static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("pdf", "application/pdf"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("odt", "application/vnd.oasis.opendocument.text"),
			Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
			Map.entry("odp", "application/vnd.oasis.opendocument.presentation"), Map.entry("txt", "text/plain"),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"));

	/** The part an office document of the type cannot lack. */
	private static final Map<String, String> MAIN_PART = Map.of(BY_EXTENSION.get("docx"), "word/document.xml",
			BY_EXTENSION.get("xlsx"), "xl/workbook.xml", BY_EXTENSION.get("pptx"), "ppt/presentation.xml");

	private static final Tika TIKA = new Tika();

	private static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

	private FileTypes() {
	}

	/** Why a file is refused, as a problem bundle key. */
	enum Refusal {

		/** Its extension is not one of the taken types (or it has none). */
		EXTENSION("library.file-type"),

		/** Its bytes are not what its extension says. */
		CONTENT("library.file-content"),

		/** The declared content type is not what its bytes are. */
		DECLARED("library.file-declared-type");

		final String key;

		Refusal(String key) {
			this.key = key;
		}

	}

	/** The type of the file, or why it is refused. */
	record Verdict(String contentType, Refusal refusal) {

		boolean taken() {
			return refusal == null;
		}

	}

	/**
	 * @param bytes the whole file
	 * @param fileName the name it was uploaded with
	 * @param declared the content type its part declared (may be {@code null})
	 */
	static Verdict judge(byte[] bytes, String fileName, String declared) {
		String expected = extensionOf(fileName).map(BY_EXTENSION::get).orElse(null);
		if (expected == null) {
			return new Verdict(null, Refusal.EXTENSION);
		}
		// with the name, Tika lets the extension decide where the bytes name no type at all, so the bytes
		// alone must name the type or one it specialises (a zip, for an office document)
		String named = normalise(TIKA.detect(bytes, fileName));
		String magic = normalise(TIKA.detect(bytes));
		boolean bytesAgree = magic != null && !MediaType.OCTET_STREAM.toString().equals(magic)
				&& (magic.equals(expected) || REGISTRY.isSpecializationOf(MediaType.parse(expected), MediaType.parse(magic)));
		if (!expected.equals(named) || !bytesAgree
				|| MAIN_PART.containsKey(expected) && !holdsPart(bytes, MAIN_PART.get(expected))) {
			return new Verdict(null, Refusal.CONTENT);
		}
		if (declared == null || !expected.equals(normalise(declared))) {
			return new Verdict(null, Refusal.DECLARED);
		}
		return new Verdict(expected, null);
	}

	/** The extension in lower case, if the name has one. */
	static Optional<String> extensionOf(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		int dot = fileName.lastIndexOf('.');
		return dot < 0 || dot == fileName.length() - 1 ? Optional.empty()
				: Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** The base type without parameters, with aliases (e.g. {@code image/jpg}) resolved. */
	private static String normalise(String type) {
		try {
			MediaType parsed = MediaType.parse(type.trim().toLowerCase(Locale.ROOT));
			if (parsed == null) {
				return null;
			}
			return REGISTRY.normalize(parsed.getBaseType()).toString();
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

	/**
	 * Whether the zip names the part: entry names are stored as they are (in the local headers and the
	 * central directory), so they are looked for in the bytes, and nothing is unpacked (a zip bomb costs nothing).
	 */
	private static boolean holdsPart(byte[] bytes, String part) {
		byte[] name = part.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i <= bytes.length - name.length; i++) {
			for (int j = 0; j < name.length; j++) {
				if (bytes[i + j] != name[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
