package com.kreativnomentorstvo.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplatesTests {

	private static final Pattern TAG = Pattern.compile("\\{\\{[#^/]?([\\w-]+)}}");

	private static final Pattern OUTSIDE_TAGS_AND_URLS = Pattern.compile("\\{\\{[^}]*}}|https?://\\S+");

	private final Templates templates = new Templates();

	@ParameterizedTest
	@EnumSource(SupportedLocale.class)
	void everyKindIsWrittenInTheLanguageItself(SupportedLocale locale) {
		Map<String, String> texts = templates.source(locale);
		for (NotificationKind kind : NotificationKind.values()) {
			for (String part : List.of("title", "body", "action")) {
				assertThat(texts.get("kinds." + kind.code() + "." + part))
					.as("%s of %s in %s", part, kind.code(), locale.tag())
					.isNotBlank();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(SupportedLocale.class)
	void everyPhraseOfEnglishIsWrittenInTheLanguageItself(SupportedLocale locale) {
		Set<String> english = phraseKeys(SupportedLocale.EN);
		assertThat(phraseKeys(locale)).containsAll(english);
	}

	@ParameterizedTest
	@EnumSource(SupportedLocale.class)
	void translationsUseTheSameValuesAsEnglish(SupportedLocale locale) {
		for (NotificationKind kind : NotificationKind.values()) {
			Set<String> english = tags(SupportedLocale.EN, kind);
			english.remove("explanation"); // matching-service explains in English only
			Set<String> translated = tags(locale, kind);
			translated.remove("explanation");
			assertThat(translated).as("values used by %s in %s", kind.code(), locale.tag())
				.isEqualTo(english);
		}
	}

	@ParameterizedTest
	@EnumSource(SupportedLocale.class)
	void everyKindRendersCompletelyInEveryLanguage(SupportedLocale locale) {
		for (NotificationKind kind : NotificationKind.values()) {
			for (Map<String, Object> model : List.of(fullModel(), Map.<String, Object>of())) {
				RenderedMessage message = templates.render(kind, locale, model);
				assertThat(message.title()).as("title of %s in %s", kind.code(), locale.tag()).isNotBlank()
					.doesNotContain("{{");
				assertThat(message.body()).as("body of %s in %s", kind.code(), locale.tag()).isNotBlank()
					.doesNotContain("{{")
					.doesNotContain("\n\n\n");
				assertThat(message.action()).isNotBlank();
				assertThat(message.paragraphs()).isNotEmpty();
			}
			if (locale != SupportedLocale.EN) {
				assertThat(templates.render(kind, locale, fullModel()).body())
					.as("%s in %s is translated", kind.code(), locale.tag())
					.isNotEqualTo(templates.render(kind, SupportedLocale.EN, fullModel()).body());
			}
		}
	}

	@Test
	void optionalFactsLeaveNoEmptyLinesBehind() {
		Map<String, Object> model = new HashMap<>(fullModel());
		model.remove("duration");
		model.remove("counterpart");
		String body = templates.render(NotificationKind.SESSION_SCHEDULED, SupportedLocale.HR, model).body();

		assertThat(body).contains("Termin: petak").doesNotContain("Trajanje").doesNotContain("Mentor/ica:");
		assertThat(templates.render(NotificationKind.SESSION_SCHEDULED, SupportedLocale.HR, model).paragraphs())
			.hasSize(3);
	}

	@Test
	void proposalReasonsAreListedOnePerLine() {
		String body = templates.render(NotificationKind.MATCH_PROPOSED, SupportedLocale.EN, fullModel()).body();

		assertThat(body).contains("– Goals and expertise: 38.5 (The mentee's goals match the mentor's skills)\n"
				+ "– Shared working language: 20\n");
	}

	@Test
	void serbianCyrillicIsTheLatinTextInCyrillicLetters() {
		Map<String, String> latin = templates.source(SupportedLocale.SR_LATN);
		Map<String, String> cyrillic = templates.source(SupportedLocale.SR_CYRL);

		assertThat(cyrillic.keySet()).isEqualTo(latin.keySet());
		latin.forEach((key, latinText) -> {
			String cyrillicText = cyrillic.get(key);
			String cyrillicWords = OUTSIDE_TAGS_AND_URLS.matcher(cyrillicText).replaceAll("");
			assertThat(cyrillicWords).as("%s has no Latin letters left", key).doesNotContainPattern("[A-Za-zčćđšžČĆĐŠŽ]");
			assertThat(cyrillicWords).as("%s is written in Cyrillic", key).containsPattern("[\\u0400-\\u04FF]");
			assertThat(cyrillicText).as("%s differs between the scripts", key).isNotEqualTo(latinText);
			assertThat(toLatin(cyrillicText)).as("%s says the same in both scripts", key).isEqualTo(latinText);
		});
	}

	@Test
	void serbianRendersDifferInScriptButNotInMeaning() {
		RenderedMessage latin = templates.render(NotificationKind.SESSION_REMINDER, SupportedLocale.SR_LATN,
				Map.of("dayBefore", true, "start", "15", "counterpart", "Ana", "counterpartIsMentor", true));
		RenderedMessage cyrillic = templates.render(NotificationKind.SESSION_REMINDER, SupportedLocale.SR_CYRL,
				Map.of("dayBefore", true, "start", "15", "counterpart", "Ana", "counterpartIsMentor", true));

		assertThat(latin.title()).isEqualTo("Sutra: Vaša mentorska sesija");
		assertThat(cyrillic.title()).isEqualTo("Сутра: Ваша менторска сесија");
		assertThat(cyrillic.body()).contains("Ментор/ка: Ana");
	}

	@Test
	void aTextMissingInALanguageFallsBackToEnglish() {
		Templates partial = new Templates(tag -> {
			Map<String, String> texts = new LinkedHashMap<>(Templates.load(tag));
			if (tag.equals("mk")) {
				texts.remove("kinds.match-expired.title");
				texts.remove("phrases.signature");
			}
			return texts;
		});

		assertThat(partial.render(NotificationKind.MATCH_EXPIRED, SupportedLocale.MK, Map.of()).title())
			.isEqualTo("A proposed mentoring pair has expired");
		assertThat(partial.render(NotificationKind.MATCH_EXPIRED, SupportedLocale.MK, Map.of()).body())
			.startsWith("Предлогот");
		assertThat(partial.phrase(SupportedLocale.MK, "signature", Map.of())).startsWith("Kind regards");
		assertThat(partial.phrase(SupportedLocale.MK, "no-such-phrase", "fallback")).isEqualTo("fallback");
	}

	@ParameterizedTest
	@EnumSource(SupportedLocale.class)
	void theInboxVersionOfAWelcomeOrInvitationNeverSpeaksOfALink(SupportedLocale locale) {
		for (NotificationKind kind : List.of(NotificationKind.ADMITTED, NotificationKind.INVITATION)) {
			Map<String, Object> inbox = new HashMap<>(fullModel());
			inbox.put("inbox", true);
			RenderedMessage email = templates.render(kind, locale, fullModel());
			RenderedMessage shown = templates.render(kind, locale, inbox);

			assertThat(email.body()).as("%s e-mail in %s", kind.code(), locale.tag()).contains("22.");
			assertThat(shown.body()).as("%s inbox in %s", kind.code(), locale.tag()).doesNotContain("22.");
			assertThat(shown.action()).isNotEqualTo(email.action());
		}
	}

	@Test
	void aWelcomeAsksToSetThePasswordOrToSignInAndSaysUntilWhenTheLinkIsValid() {
		Map<String, Object> signIn = new HashMap<>(fullModel());
		signIn.put("setPassword", false);
		signIn.remove("validUntil");

		RenderedMessage withLink = templates.render(NotificationKind.ADMITTED, SupportedLocale.EN, fullModel());
		RenderedMessage withoutLink = templates.render(NotificationKind.ADMITTED, SupportedLocale.EN, signIn);

		assertThat(withLink.action()).isEqualTo("Set your password");
		assertThat(withLink.body()).contains("The link is valid until: petak, 22. januar 2027. 10:00 (Europe/Belgrade)");
		assertThat(withoutLink.action()).isEqualTo("Sign in");
		assertThat(withoutLink.body()).contains("using the account of this e-mail address").doesNotContain("valid until");
	}

	@Test
	void aPasswordResetTellsWhatToDoIfSomeoneElseAskedForIt() {
		Map<String, Object> reset = new HashMap<>(fullModel());
		reset.put("reset", true);

		assertThat(templates.render(NotificationKind.PASSWORD_LINK, SupportedLocale.EN, reset).body())
			.contains("If it was not you, ignore this e-mail: your password stays as it is.");
		assertThat(templates.render(NotificationKind.PASSWORD_LINK, SupportedLocale.MK, reset).title())
			.isEqualTo("Промена на лозинката");
		assertThat(templates.render(NotificationKind.PASSWORD_LINK, SupportedLocale.SR_CYRL, reset).body())
			.contains("Ако то нисте били Ви, занемарите ову поруку");
		// sent again as an invitation, it reads as one: to a participant, or to a coordinator
		Map<String, Object> staff = new HashMap<>(fullModel());
		staff.put("staff", true);
		assertThat(templates.render(NotificationKind.PASSWORD_LINK, SupportedLocale.HR, fullModel()).title())
			.isEqualTo("Poziv na sudjelovanje u programu Reg. Lab");
		assertThat(templates.render(NotificationKind.PASSWORD_LINK, SupportedLocale.SL, staff).body())
			.startsWith("Dodeljena Vam je vloga koordinatorja/-ice");
	}

	@Test
	void theReasonOfANonAdmissionIsAPhraseInEveryLanguage() {
		for (SupportedLocale locale : SupportedLocale.values()) {
			for (String reason : List.of("PROGRAMME_FULL", "NOT_ELIGIBLE", "INCOMPLETE_APPLICATION", "OTHER")) {
				assertThat(templates.source(locale)).as("%s in %s", reason, locale.tag())
					.containsKey("phrases.not-admitted-reason." + reason);
			}
		}
	}

	private Set<String> phraseKeys(SupportedLocale locale) {
		Set<String> keys = new TreeSet<>();
		templates.source(locale).keySet().stream().filter(k -> k.startsWith("phrases.")).forEach(keys::add);
		return keys;
	}

	private Set<String> tags(SupportedLocale locale, NotificationKind kind) {
		Set<String> names = new TreeSet<>();
		for (String part : List.of("title", "body", "action")) {
			Matcher matcher = TAG.matcher(templates.source(locale).get("kinds." + kind.code() + "." + part));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	private static Map<String, Object> fullModel() {
		Map<String, Object> model = new HashMap<>();
		model.put("name", "Ana Petrović");
		model.put("programme", "Reg. Lab");
		model.put("counterpart", "Marko Horvat");
		model.put("counterpartIsMentor", true);
		model.put("asMentor", false);
		model.put("start", "petak, 15. siječnja 2027. 10:00 (Europe/Zagreb)");
		model.put("previousStart", "četvrtak, 14. siječnja 2027. 10:00 (Europe/Zagreb)");
		model.put("end", "petak, 15. siječnja 2027. 16:00 (Europe/Zagreb)");
		model.put("duration", 60);
		model.put("online", true);
		model.put("meetingUrl", "https://meet.example.org/reg-lab");
		model.put("venue", "Kulturni centar");
		model.put("respondBy", "ponedjeljak, 18. siječnja 2027.");
		model.put("score", 87);
		model.put("reasons", List.of(
				Map.of("label", "Goals and expertise", "points", "38.5", "explanation",
						"The mentee's goals match the mentor's skills"),
				Map.of("label", "Shared working language", "points", "20")));
		model.put("reason", "illness");
		model.put("eventKind", "Training");
		model.put("title", "Digital tools for cultural organisations");
		model.put("hours", 24);
		model.put("dayBefore", true);
		model.put("days", 21);
		model.put("date", "15. 4. 2027.");
		model.put("url", "https://hooks.example.org/mentoring");
		model.put("failures", 20);
		model.put("since", "1. 4. 2027.");
		model.put("asMentee", true);
		model.put("setPassword", true);
		model.put("validUntil", "petak, 22. januar 2027. 10:00 (Europe/Belgrade)");
		return model;
	}

	/** Cyrillic back to Latin, to check the transliteration loses nothing. */
	private static String toLatin(String cyrillic) {
		Map<Character, String> letters = new HashMap<>();
		String latin = "a b c č ć d đ e f g h i j k l m n o p r s š t u v z ž lj nj dž";
		String cyr = "а б ц ч ћ д ђ е ф г х и ј к л м н о п р с ш т у в з ж љ њ џ";
		String[] l = latin.split(" ");
		String[] c = cyr.split(" ");
		for (int i = 0; i < l.length; i++) {
			letters.put(c[i].charAt(0), l[i]);
		}
		StringBuilder out = new StringBuilder();
		Matcher untouched = OUTSIDE_TAGS_AND_URLS.matcher(cyrillic);
		int from = 0;
		while (true) {
			boolean found = untouched.find();
			int to = found ? untouched.start() : cyrillic.length();
			for (int i = from; i < to; i++) {
				char ch = cyrillic.charAt(i);
				String mapped = letters.get(Character.toLowerCase(ch));
				if (mapped == null) {
					out.append(ch);
				}
				else if (Character.isUpperCase(ch)) {
					boolean nextUpper = i + 1 < to && Character.isUpperCase(cyrillic.charAt(i + 1));
					out.append(mapped.length() == 1 || nextUpper ? mapped.toUpperCase()
							: Character.toUpperCase(mapped.charAt(0)) + mapped.substring(1));
				}
				else {
					out.append(mapped);
				}
			}
			if (!found) {
				break;
			}
			out.append(untouched.group());
			from = untouched.end();
		}
		return out.toString();
	}

}
