package com.kreativnomentorstvo.notifications.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import com.kreativnomentorstvo.support.language.SerbianScript;

/**
 * The message texts of every {@link NotificationKind} in every {@link SupportedLocale}, as
 * Mustache templates (JMustache) loaded from {@code templates/messages/<tag>.yml}. Serbian
 * Cyrillic is derived from Serbian Latin ({@link SerbianScript}), so the two scripts never drift
 * apart; {@code sr-Cyrl.yml}, if present, overrides single entries. A text missing in a language
 * falls back to English.
 *
 * <p>Templates render plain text (no HTML escaping here); the e-mail layout escapes the result.
 */
@Component
public class Templates {

	static final String KINDS = "kinds";

	static final String PHRASES = "phrases";

	private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");

	private final Map<SupportedLocale, Map<String, Template>> templates = new EnumMap<>(SupportedLocale.class);

	private final Map<SupportedLocale, Map<String, String>> sources = new EnumMap<>(SupportedLocale.class);

	public Templates() {
		this(Templates::load);
	}

	/** Templates from another source of texts per language tag (e.g. in tests). */
	Templates(Function<String, Map<String, String>> loader) {
		for (SupportedLocale locale : SupportedLocale.values()) {
			Map<String, String> texts = locale == SupportedLocale.SR_CYRL ? cyrillic(loader) : loader.apply(locale.tag());
			sources.put(locale, texts);
			Map<String, Template> compiled = new LinkedHashMap<>();
			texts.forEach((key, text) -> compiled.put(key, compiler.compile(text)));
			templates.put(locale, compiled);
		}
	}

	/** The kind's title, body and action label in the language, with the model's values filled in. */
	public RenderedMessage render(NotificationKind kind, SupportedLocale locale, Map<String, ?> model) {
		String prefix = KINDS + "." + kind.code() + ".";
		// optional facts that are all absent leave blank lines behind: one blank line separates paragraphs
		String body = text(locale, prefix + "body", model).replaceAll("\n{3,}", "\n\n");
		return new RenderedMessage(text(locale, prefix + "title", model).strip(), body,
				text(locale, prefix + "action", model).strip());
	}

	/** A phrase shared by several messages, e.g. {@code greeting} or {@code criterion.goals}. */
	public String phrase(SupportedLocale locale, String key, Map<String, ?> model) {
		return text(locale, PHRASES + "." + key, model).strip();
	}

	/** A phrase without values, or the fallback when no language has it. */
	public String phrase(SupportedLocale locale, String key, String fallback) {
		String full = PHRASES + "." + key;
		return templateFor(locale, full).map(t -> t.execute(Map.of()).strip()).orElse(fallback);
	}

	/** The keys written for a language (after derivation), to check completeness. */
	Map<String, String> source(SupportedLocale locale) {
		return sources.get(locale);
	}

	private String text(SupportedLocale locale, String key, Map<String, ?> model) {
		return templateFor(locale, key).map(t -> t.execute(model)).orElse("");
	}

	private Optional<Template> templateFor(SupportedLocale locale, String key) {
		Template template = templates.get(locale).get(key);
		if (template == null) {
			template = templates.get(SupportedLocale.EN).get(key);
		}
		return Optional.ofNullable(template);
	}

	private static Map<String, String> cyrillic(Function<String, Map<String, String>> loader) {
		Map<String, String> texts = new LinkedHashMap<>();
		loader.apply(SupportedLocale.SR_LATN.tag()).forEach((key, latin) -> texts.put(key, SerbianScript.toCyrillic(latin)));
		texts.putAll(loader.apply(SupportedLocale.SR_CYRL.tag()));
		return texts;
	}

	/** The texts of one file, flattened to dotted keys ({@code kinds.match-proposed.title}). */
	static Map<String, String> load(String tag) {
		ClassPathResource resource = new ClassPathResource("templates/messages/" + tag + ".yml");
		Map<String, String> texts = new LinkedHashMap<>();
		if (!resource.exists()) {
			return texts;
		}
		try (InputStream in = resource.getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			flatten("", root, texts);
			return texts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the templates of " + tag, ex);
		}
	}

	private static void flatten(String prefix, Object node, Map<String, String> texts) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
					texts));
		}
		else if (node != null) {
			texts.put(prefix, String.valueOf(node));
		}
	}

}
