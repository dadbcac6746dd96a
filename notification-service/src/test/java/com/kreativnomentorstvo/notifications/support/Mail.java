package com.kreativnomentorstvo.notifications.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads the parts of a received e-mail. */
public final class Mail {

	/** A leaf part: its content type, file name (for attachments) and text. */
	public record Leaf(String contentType, String fileName, String text) {
	}

	public static List<Leaf> leaves(MimeMessage message) {
		try {
			List<Leaf> leaves = new ArrayList<>();
			collect(message, leaves);
			return leaves;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Leaf part(MimeMessage message, String contentTypePrefix) {
		return leaves(message).stream()
			.filter(l -> l.contentType().toLowerCase().startsWith(contentTypePrefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + contentTypePrefix + " part"));
	}

	public static String header(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return values == null ? null : values[0];
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, List<Leaf> leaves) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, leaves);
			}
			return;
		}
		String text;
		if (content instanceof String string) {
			text = string;
		}
		else if (content instanceof InputStream stream) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			stream.transferTo(bytes);
			text = bytes.toString(StandardCharsets.UTF_8);
		}
		else {
			text = String.valueOf(content);
		}
		leaves.add(new Leaf(part.getContentType(), part.getFileName(), text));
	}

	private Mail() {
	}

}
