package com.kreativnomentorstvo.local;

import static com.kreativnomentorstvo.local.RunningStack.GATEWAY;
import static com.kreativnomentorstvo.local.RunningStack.ISSUER;
import static com.kreativnomentorstvo.local.RunningStack.JSON;
import static com.kreativnomentorstvo.local.RunningStack.send;
import static com.kreativnomentorstvo.local.RunningStack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The web application in a real browser (Debian's headless Chromium, driven by Selenium) on the
 * running stack. Every page the journey opens is checked with axe-core (no serious or critical
 * violation of WCAG 2.2 A/AA) and photographed into {@code target/failsafe-reports/screenshots}.
 * The mentee's part is done with the keyboard alone. Skipped where the machine has no Chromium
 * ({@code .ci/run} installs it).
 */
@ExtendWith(RunningStack.Extension.class)
class BrowserJourneyIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target/failsafe-reports/screenshots");

	private static final String PROGRAMME = "prog-reg-lab-2027";

	/** Luka (Slovenian) and Elena (Macedonian): demo people no other system test pairs. */
	private static final String MENTEE = "p-demo-mentee-4";

	private static final String MENTOR = "p-demo-mentor-3";

	/** The partner organisation of the programme the coordinator opens: Sara Ilievska's. */
	private static final String PARTNER = "org-skopje-creative-hub";

	private static ChromeDriver browser;

	private static int shots;

	@BeforeAll
	static void openTheBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and its driver (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		// the Debian binaries, so that Selenium Manager downloads nothing
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1280,1024");
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(driver, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	/** Each journey starts signed out, at the platform and at the identity provider. */
	@BeforeEach
	void signedOut() {
		browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aMenteeSignsInFromHerLinkAcceptsBooksAndSeesHerInboxUpdateLiveAllByKeyboard() throws Exception {
		String match = proposal();

		// the proposal's link, opened signed out: the identity provider's form, by keyboard (it has the focus)
		browser.get(GATEWAY + "/matches/" + match);
		await("the login form").atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().startsWith(ISSUER));
		checked("sign-in");
		new Actions(browser).sendKeys("mentee.luka").sendKeys(Keys.TAB).sendKeys("demo").sendKeys(Keys.ENTER).perform();
		await("back on the proposal").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().startsWith(GATEWAY + "/matches/" + match));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sl");
		checked("proposal");

		// accept: Tab through the page until the button has the focus, then Enter
		press(browser.findElement(By.cssSelector("form[action$='/accept'] button")));
		await("the answer saved").atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(notice -> notice.getText().contains("Sprejeli ste par.")));
		checked("proposal-accepted");

		// the mentor accepts too (through the API); the pair's mentorship starts
		HttpResponse<String> accepted = send("POST", "/api/v1/matches/" + match + "/accept", token("mentor.elena"), "{}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		String mentorship = Journeys.awaitMentorship(token("mentor.elena"), PROGRAMME);

		// her inbox is open while the mentor books a session: the new message appears without a reload
		browser.get(GATEWAY + "/inbox");
		checked("inbox");
		((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");
		int before = browser.findElements(By.cssSelector("#messages li")).size();
		String session = Journeys.book(token("mentor.elena"), mentorship);
		await("the new message on the open page").atMost(Duration.ofSeconds(60))
			.until(() -> browser.findElements(By.cssSelector("#messages li")).size() > before);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
			.as("the page was not reloaded").isEqualTo(true);
		checked("inbox-updated");

		// the e-mail about the session opens that session
		String link = awaitSessionLink("luka.novak@example.org", session);
		browser.get(link);
		await("the session page").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().equals(GATEWAY + "/sessions/" + session));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Srečanje");
		checked("session");

		// she books the next one herself on the mentorship's page, by keyboard
		browser.get(GATEWAY + "/mentorships/" + mentorship);
		checked("mentorship");
		String day = LocalDate.now(ZoneId.of("Europe/Ljubljana")).plusDays(14).toString();
		type(browser.findElement(By.id("date")), day);
		type(browser.findElement(By.id("time")), "17:30");
		press(browser.findElement(By.cssSelector("form[action$='/sessions'] button[type=submit]")));
		await("her session booked").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().startsWith(GATEWAY + "/sessions/")
					&& !browser.getCurrentUrl().endsWith("/sessions/" + session));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Srečanje je dogovorjeno.");
		checked("session-booked");

		// her own pages: profile, notification settings, the e-mails sent to her, consent, erasure (opened, not used)
		for (String page : new String[] { "", "/notification-preferences", "/deliveries", "/consent", "/erasure" }) {
			browser.get(GATEWAY + "/participants/" + MENTEE + page);
			assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
			checked("participant" + page.replace('/', '-'));
		}
	}

	@Test
	void aCoordinatorOpensAProgrammeAdmitsRunsAndPublishesThenTheMentorAcceptsRecordsTheSessionAndGivesFeedback()
			throws Exception {
		// the organiser's coordinator opens a programme of her own: a wrong date comes back beside its field
		browser.get(GATEWAY + "/programmes/new");
		await("the login form").atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().startsWith(ISSUER));
		new Actions(browser).sendKeys("coordinator.rs").sendKeys(Keys.TAB).sendKeys("demo").sendKeys(Keys.ENTER).perform();
		await("the new programme's form").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().startsWith(GATEWAY + "/programmes/new"));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sr-Latn");
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));
		String name = "Reg. Lab " + Journeys.unique();
		fill("name", name);
		fill("partnerIds", PARTNER);
		fill("languages", "en, sr-Latn, sl, mk");
		fill("taxonomy", "programme-development, digital-tools");
		fill("enrolmentOpensOn", today.toString());
		fill("enrolmentClosesOn", today.plusDays(30).toString());
		fill("startsOn", today.toString());
		fill("endsOn", today.minusDays(1).toString());
		browser.findElement(By.cssSelector("form[action$='/programmes'] button[type=submit]")).click();
		await("the refusal beside the end date").atMost(Duration.ofSeconds(30))
			.until(() -> !browser.findElements(By.id("endsOn-error")).isEmpty());
		assertThat(browser.findElement(By.id("endsOn")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("what she typed stays").isEqualTo(name);
		checked("programme-refused");
		fill("endsOn", today.plusDays(180).toString());
		browser.findElement(By.cssSelector("form[action$='/programmes'] button[type=submit]")).click();
		await("her new programme").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().matches(".*/programmes/[^/]+$")
					&& !browser.getCurrentUrl().endsWith("/programmes/new"));
		String programme = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		checked("programme-created");

		// she weighs goals more in its matching policy
		browser.findElement(By.cssSelector("a[href$='/edit']")).click();
		await("the programme's form").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().endsWith("/programmes/" + programme + "/edit"));
		checked("programme-edit");
		fill("weight-goals", "60");
		browser.findElement(By.cssSelector("form[action$='/edit'] button[type=submit]")).click();
		await("the programme saved").atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(notice -> notice.getText().contains("Program je sačuvan.")));
		JsonNode weights = JSON.readTree(send("GET", "/api/v1/programmes/" + programme, token("coordinator.rs"), null)
			.body()).path("matchingPolicy").path("weights");
		assertThat(weights.path("goals").asInt()).isEqualTo(60);

		// a mentor of her organisation and a mentee of the partner's apply (their coordinators enrol them);
		// the partner's coordinator admits hers, she decides on her own organisation's applicant in the queue
		String mentor = enrol(token("coordinator.rs"), programme, """
				"role": "MENTOR", "displayName": "Tina Kovač", "email": "tina.kovac@example.org",
				"organisationId": "org-creative-mentorship", "country": "SI", "city": "Ljubljana",
				"languages": ["sl", "en"], "preferredLocale": "sl", "timeZone": "Europe/Ljubljana",
				"skills": [{"code": "programme-development", "level": 5}, {"code": "digital-tools", "level": 3}],
				"capacity": 1""");
		String mentee = enrol(token("coordinator.mk"), programme, """
				"role": "MENTEE", "displayName": "Sara Ilievska", "email": "sara.ilievska@example.org",
				"organisationId": "%s", "country": "MK", "city": "Bitola", "languages": ["mk", "en"],
				"preferredLocale": "mk", "timeZone": "Europe/Skopje",
				"goals": [{"code": "programme-development", "level": 5}]""".formatted(PARTNER));
		Journeys.accept(token("coordinator.mk"), mentee);

		browser.findElement(By.cssSelector("a[href$='/applications']")).click();
		await("the application queue").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().endsWith("/programmes/" + programme + "/applications"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Prijave za");
		checked("applications");
		browser.findElement(By.id("applicant-" + mentor)).click();
		browser.findElement(By.cssSelector("button[name=decision][value=accept]")).click();
		await("her decision saved").atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(notice -> notice.getText().contains("Primljeno: 1.")));
		assertThat(browser.findElements(By.id("applicant-" + mentor))).as("no longer waiting").isEmpty();
		checked("applications-decided");

		// the matching page offers both admitted people for a pair by hand too
		browser.get(GATEWAY + "/programmes/" + programme + "/matching");
		assertThat(browser.findElements(By.cssSelector("#by-hand-mentor option"))).hasSize(1);
		checked("matching-runs");

		// she runs the matching until it knows both, reviews the pair's reasons and publishes
		await("a run that proposes the pair").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				browser.get(GATEWAY + "/programmes/" + programme + "/matching");
				browser.findElement(By.cssSelector("form[action$='/matching'] button")).click();
				return browser.getCurrentUrl().matches(".*/programmes/" + programme + "/matching/[^/]+$")
						&& !browser.findElements(By.cssSelector("article.card meter")).isEmpty();
			});
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pregled pokretanja");
		checked("matching-review");

		// she keeps the pair and runs again on the same people, compares the two runs, and publishes the second
		String firstRun = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
		browser.findElement(By.id("keep-0")).click();
		browser.findElement(By.cssSelector("form[action$='/again'] button[type=submit]")).click();
		await("the second run").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().matches(".*/programmes/" + programme + "/matching/[^/]+$")
					&& !browser.getCurrentUrl().endsWith("/" + firstRun));
		assertThat(browser.findElement(By.cssSelector("article.card .tag")).getText())
			.isEqualTo("Zadržan iz ranijeg pokretanja");
		checked("matching-again");
		new Select(browser.findElement(By.id("compare-with"))).selectByValue(firstRun);
		browser.findElement(By.cssSelector("form[action$='/comparison'] button")).click();
		await("the two runs side by side").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().contains("/comparison?with=" + firstRun));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Isti parovi u oba: 1.");
		checked("matching-comparison");
		browser.findElement(By.linkText("Nazad na pokretanje")).click();
		browser.findElement(By.cssSelector("form[action$='/publish'] button")).click();
		await("the run published").atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(notice -> notice.getText().contains("Pokretanje je objavljeno")));
		assertThat(browser.findElements(By.cssSelector("form[action$='/publish'] button"))).as("published once").isEmpty();
		checked("matching-published");
		browser.get(GATEWAY + "/programmes/" + programme + "/progress");
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Parovi i napredak");
		checked("progress");
		browser.get(GATEWAY + "/programmes/" + programme + "/funder-report");
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Izveštaj za donatore");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("@");
		checked("funder-report");

		// the proposal reaches the mentor: she signs in from its link and accepts; the mentee accepts too
		String coordinator = token("coordinator.rs");
		String[] proposed = new String[1];
		await("the published proposal").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				List<String> found = Journeys.ids(send("GET", "/api/v1/programmes/" + programme + "/matches?participantId="
						+ mentee, coordinator, null), "items");
				assertThat(found).hasSize(1);
				proposed[0] = found.get(0);
			});
		String match = proposed[0];
		await("her token speaks for her new enrolment").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(send("GET", "/api/v1/matches/" + match, token("mentor.tina"), null).statusCode())
				.isEqualTo(200));
		browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
		browser.get(GATEWAY + "/matches/" + match);
		await("the login form").atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().startsWith(ISSUER));
		new Actions(browser).sendKeys("mentor.tina").sendKeys(Keys.TAB).sendKeys("demo").sendKeys(Keys.ENTER).perform();
		await("back on the proposal").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().startsWith(GATEWAY + "/matches/" + match));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sl");
		checked("mentor-proposal");
		browser.findElement(By.cssSelector("form[action$='/accept'] button")).click();
		await("her answer saved").atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(notice -> notice.getText().contains("Sprejeli ste par.")));
		HttpResponse<String> accepted = send("POST", "/api/v1/matches/" + match + "/accept", token("mentee.sara"), "{}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		String mentorship = Journeys.awaitMentorship(token("mentor.tina"), programme);

		// their first session starts in a few seconds; once it has begun she records it as held, then rates it
		String start = LocalDateTime.now(ZoneId.of("Europe/Ljubljana")).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS)
			.toString();
		HttpResponse<String> booked = send("POST", "/api/v1/mentorships/" + mentorship + "/sessions", token("mentor.tina"),
				"{\"start\": \"%s\", \"timeZone\": \"Europe/Ljubljana\", \"durationMinutes\": 60}".formatted(start));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
		String session = JSON.readTree(booked.body()).path("id").asString();
		await("the session has begun: the page offers to record it").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				browser.get(GATEWAY + "/sessions/" + session);
				return !browser.findElements(By.cssSelector("form[action$='/outcome']")).isEmpty();
			});
		checked("session-begun");
		assertThat(browser.findElement(By.id("outcome-HELD")).isSelected()).as("held is the usual answer").isTrue();
		browser.findElement(By.id("shared-notes")).sendKeys("We planned the festival's next season.");
		browser.findElement(By.cssSelector("form[action$='/outcome'] button[type=submit]")).click();
		await("the session recorded").atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(notice -> notice.getText().contains("Srečanje je zabeleženo.")));
		checked("session-held");

		browser.findElement(By.cssSelector("a[href$='/feedback']")).click();
		await("the feedback form").atMost(Duration.ofSeconds(30))
			.until(() -> browser.getCurrentUrl().endsWith("/sessions/" + session + "/feedback"));
		checked("feedback");
		browser.findElement(By.cssSelector("label[for=rating-5]")).click();
		browser.findElement(By.id("comment")).sendKeys("A clear plan for the season.");
		browser.findElement(By.cssSelector("form[action$='/feedback'] button[type=submit]")).click();
		await("her feedback saved").atMost(Duration.ofSeconds(30))
			.until(() -> browser.findElements(By.cssSelector("[role=status]")).stream()
				.anyMatch(notice -> notice.getText().contains("Hvala za povratno informacijo.")));
		checked("feedback-given");
		JsonNode given = JSON.readTree(send("GET", "/api/v1/sessions/" + session + "/feedback", token("mentor.tina"), null)
			.body());
		assertThat(given).hasSize(1);
		assertThat(given.get(0).path("rating").asInt()).isEqualTo(5);
		assertThat(given.get(0).path("comment").asString()).isEqualTo("A clear plan for the season.");
	}

	/** Her coordinator enrols her in the programme (with the usual consent); her new enrolment's id. */
	private static String enrol(String coordinator, String programme, String person) throws Exception {
		HttpResponse<String> enrolled = send("POST", "/api/v1/participants", coordinator, """
				{"programmeId": "%s", %s, "format": "ONLINE",
				 "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}
				""".formatted(programme, person));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
		return JSON.readTree(enrolled.body()).path("id").asString();
	}

	/** Types into a text field, or sets a date field as the date picker would. */
	private static void fill(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		if ("date".equals(field.getAttribute("type"))) {
			((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, text);
		}
		else {
			field.clear();
			field.sendKeys(text);
		}
	}

	/** A proposal of Elena to Luka by the organiser's coordinator, once matching knows both; its id. */
	private static String proposal() throws Exception {
		String coordinator = token("coordinator.rs");
		String[] match = new String[1];
		await("a proposal to Luka").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> created = send("POST", "/api/v1/programmes/" + PROGRAMME + "/matches", coordinator,
					"{\"mentorId\": \"%s\", \"menteeId\": \"%s\"}".formatted(MENTOR, MENTEE));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			match[0] = JSON.readTree(created.body()).path("id").asString();
		});
		return match[0];
	}

	/** Moves the focus with Tab alone until it reaches the element, then presses Enter on it. */
	private static void press(WebElement target) {
		focus(target);
		new Actions(browser).sendKeys(Keys.ENTER).perform();
	}

	/** Tabs to the field, then types into it. */
	private static void type(WebElement field, String text) {
		focus(field);
		if ("date".equals(field.getAttribute("type")) || "time".equals(field.getAttribute("type"))) {
			// date and time fields take their digits in the browser's locale order; set the value as the keyboard would leave it
			((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, text);
		}
		else {
			new Actions(browser).sendKeys(text).perform();
		}
	}

	private static void focus(WebElement target) {
		((JavascriptExecutor) browser).executeScript("document.activeElement && document.activeElement.blur();");
		for (int tabs = 0; tabs < 200; tabs++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
			if (target.equals(browser.switchTo().activeElement())) {
				return;
			}
		}
		throw new AssertionError("the keyboard never reaches " + target);
	}

	/** The page photographed for the report, and checked with axe-core: no serious or critical violation. */
	private static void checked(String page) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve("%02d-%s.png".formatted(++shots, page)),
				StandardCopyOption.REPLACE_EXISTING);
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze(browser);
		List<String> grave = new ArrayList<>();
		for (Rule violation : results.getViolations()) {
			if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
				grave.add(violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " at "
						+ violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
			}
		}
		assertThat(grave).as("axe-core on " + page + " (" + browser.getCurrentUrl() + ")").isEmpty();
	}

	private static String awaitSessionLink(String address, String session) {
		Pattern link = Pattern.compile("(https?://\\S+/sessions/" + Pattern.quote(session) + ")\\b");
		String[] found = new String[1];
		await("the e-mail about the session to " + address).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				JsonNode all = JSON.readTree(RunningStack.get(RunningStack.MAIL + "/messages.json").body());
				found[0] = null;
				all.forEach(mail -> {
					Matcher matcher = link.matcher(mail.path("text").asString());
					if (mail.path("to").asString().contains(address) && matcher.find()) {
						found[0] = matcher.group(1);
					}
				});
				assertThat(found[0]).isNotNull();
			});
		return found[0];
	}

}
