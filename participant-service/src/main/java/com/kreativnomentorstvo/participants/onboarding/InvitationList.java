package com.kreativnomentorstvo.participants.onboarding;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.kreativnomentorstvo.platform.web.InvalidFieldsException;
import com.kreativnomentorstvo.platform.web.ProblemText;

/**
 * Reads an invitation list from CSV (Apache Commons CSV): a header row naming the columns {@code name},
 * {@code email}, {@code role}, {@code organisation} and {@code language} in any order and case, then
 * one person per row. Commas or semicolons separate the columns (spreadsheets in much of Europe
 * write semicolons); a byte-order mark and empty lines are ignored.
 */
final class InvitationList {

	static final List<String> COLUMNS = List.of("name", "email", "role", "organisation", "language");

	/** The most people one list may invite. */
	static final int MAX_ROWS = 500;

	private InvitationList() {
	}

	static List<InvitationRow> parse(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		String header = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
		char delimiter = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setTrim(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			// "E-mail", "e_mail" and "Email" all name the email column
			Map<String, String> columns = new TreeMap<>();
			parser.getHeaderNames().forEach(name -> columns.put(normalised(name), name));
			List<String> missing = COLUMNS.stream().filter(column -> !columns.containsKey(column)).toList();
			if (!missing.isEmpty()) {
				throw new InvalidFieldsException("header", ProblemText.of("onboarding.names-no-column-first", String.join(", ", missing), String.join(", ", COLUMNS)));
			}
			Set<String> unknown = new TreeSet<>(columns.keySet());
			unknown.removeIf(COLUMNS::contains);
			if (!unknown.isEmpty()) {
				throw new InvalidFieldsException("header", ProblemText.of("onboarding.names-unknown-columns", String.join(", ", unknown)));
			}
			List<InvitationRow> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (rows.size() == MAX_ROWS) {
					throw new InvalidFieldsException("rows", ProblemText.of("onboarding.list-invites-most-people", MAX_ROWS));
				}
				// the header is the author's row 1
				int row = (int) record.getRecordNumber() + 1;
				rows.add(new InvitationRow(row, value(record, columns.get("name")), value(record, columns.get("email")),
						value(record, columns.get("role")), value(record, columns.get("organisation")),
						value(record, columns.get("language"))));
			}
			if (rows.isEmpty()) {
				throw new InvalidFieldsException("rows", ProblemText.of("onboarding.list-nobody-invite"));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException | IllegalStateException | UncheckedIOException unreadable) {
			throw new InvalidFieldsException("body", ProblemText.of("onboarding.not-readable-csv-list", unreadable.getMessage()));
		}
	}

	private static String normalised(String header) {
		return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
	}

	private static String value(CSVRecord record, String column) {
		String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
		return value == null || value.isBlank() ? null : value;
	}

}
