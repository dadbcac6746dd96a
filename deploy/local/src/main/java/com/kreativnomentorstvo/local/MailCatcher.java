package com.kreativnomentorstvo.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server that keeps every message (GreenMail), and a page that lists them, so a developer
 * sees what the platform sends without a real mailbox; {@code /messages.json} lists them for tests.
 */
final class MailCatcher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GreenMail smtp;

	private final HttpServer web;

	MailCatcher(int smtpPort, int webPort) throws IOException {
		this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
		web.createContext("/messages.json", exchange -> {
			byte[] json = JSON.writeValueAsBytes(messages());
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, json.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(json);
			}
		});
		// how many messages reached which address: cheap enough to poll while thousands arrive (bench/load)
		web.createContext("/messages/count", exchange -> {
			String query = exchange.getRequestURI().getQuery();
			String to = query != null && query.startsWith("to=")
					? java.net.URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8) : null;
			byte[] json = JSON.writeValueAsBytes(Map.of("count", count(to)));
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, json.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(json);
			}
		});
		web.createContext("/", exchange -> {
			byte[] page = page().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(page);
			}
		});
		web.start();
	}

	private String page() {
		StringBuilder html = new StringBuilder("""
				<!doctype html><meta charset="utf-8"><title>Local mail</title>
				<style>body{font-family:sans-serif;margin:2em}article{border-top:1px solid #ccc;padding:1em 0}
				pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style>
				<h1>Mail sent by the local stack</h1>""");
		MimeMessage[] messages = smtp.getReceivedMessages();
		Arrays.sort(messages, Comparator.comparing(MailCatcher::sent).reversed());
		if (messages.length == 0) {
			html.append("<p>Nothing yet.</p>");
		}
		for (MimeMessage message : messages) {
			try {
				html.append("<article><b>")
					.append(escape(message.getSubject()))
					.append("</b><br>To: ")
					.append(escape(Arrays.toString(message.getRecipients(Message.RecipientType.TO))))
					.append("<br>Sent: ")
					.append(message.getSentDate())
					.append("<pre>")
					.append(escape(GreenMailUtil.getBody(message)))
					.append("</pre></article>");
			}
			catch (MessagingException ex) {
				html.append("<article>unreadable message: ").append(escape(ex.getMessage())).append("</article>");
			}
		}
		return html.toString();
	}

	/**
	 * Every message as {@code to}, {@code subject}, its plain {@code text} and its whole
	 * {@code content} (every header and every text part, attachments such as calendar invitations
	 * included, decoded), oldest first: what tests read.
	 */
	private List<Map<String, String>> messages() {
		List<Map<String, String>> all = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("to", Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.map(Object::toString)
					.collect(Collectors.joining(", ")));
				fields.put("subject", message.getSubject());
				fields.put("text", plainText(message));
				StringBuilder content = new StringBuilder();
				appendDecoded(message, content);
				fields.put("content", content.toString());
				all.add(fields);
			}
			catch (MessagingException | IOException ex) {
				all.add(Map.of("error", String.valueOf(ex.getMessage())));
			}
		}
		return all;
	}

	/** The messages received, all of them or those to the address (its mailbox's size: nothing is parsed). */
	private long count(String to) {
		if (to == null) {
			return smtp.getReceivedMessages().length;
		}
		GreenMailUser user = smtp.getUserManager().getUserByEmail(to);
		if (user == null) {
			return 0;
		}
		try {
			return smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
		}
		catch (FolderException ex) {
			return 0;
		}
	}

	/** The first text/plain part of a message (decoded), or its whole body if it has none. */
	private static String plainText(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
			return null;
		}
		return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : null;
	}

	/** The part's headers and text, and those of the parts it holds, decoded (no transfer encoding left). */
	private static void appendDecoded(Part part, StringBuilder content) throws MessagingException, IOException {
		for (Enumeration<Header> headers = part.getAllHeaders(); headers.hasMoreElements();) {
			Header header = headers.nextElement();
			content.append(header.getName()).append(": ").append(decodeHeader(header.getValue())).append('\n');
		}
		Object body = part.getContent();
		if (body instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				appendDecoded(multipart.getBodyPart(i), content);
			}
		}
		else if (body instanceof InputStream stream) {
			content.append(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
		}
		else {
			content.append(body).append('\n');
		}
	}

	private static String decodeHeader(String value) {
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(value));
		}
		catch (UnsupportedEncodingException ex) {
			return value;
		}
	}

	private static java.util.Date sent(MimeMessage message) {
		try {
			return message.getSentDate() == null ? new java.util.Date(0) : message.getSentDate();
		}
		catch (MessagingException ex) {
			return new java.util.Date(0);
		}
	}

	private static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	@Override
	public void close() {
		web.stop(0);
		smtp.stop();
	}

}
