package com.kreativnomentorstvo.sessions.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import com.kreativnomentorstvo.events.participants.ParticipantEnrolled;
import com.kreativnomentorstvo.events.participants.ParticipantProfile;
import com.kreativnomentorstvo.events.participants.ParticipantStatus;
import com.kreativnomentorstvo.events.participants.Role;
import com.kreativnomentorstvo.events.participants.Skill;
import com.kreativnomentorstvo.sessions.support.IntegrationTest;
import com.kreativnomentorstvo.sessions.support.TestProgramme;
import com.kreativnomentorstvo.sessions.support.Upstream;
import com.kreativnomentorstvo.testkit.TestTokens;
import com.kreativnomentorstvo.testkit.http.Reply;
import com.kreativnomentorstvo.testkit.http.ServiceApi;

import tools.jackson.databind.JsonNode;

/**
 * The resource library on the real store (files in GridFS) and broker: a programme's coordinators
 * publish links and files that its participants read, the instance's administrators publish for
 * everyone signed in, files come back byte for byte with their type and name, a file too large or of
 * the wrong type and a tag outside the taxonomy are refused naming the field with nothing left in
 * {@code fs.files} or {@code fs.chunks}, nobody outside the programme learns anything, and a pair is
 * offered resources in the order its goals call for.
 */
class ResourceLibraryIT extends IntegrationTest {

	static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MongoOperations mongo;

	@Test
	void coordinatorsPublishALinkAndAFileThatTheProgrammesParticipantsListFilterAndDownload() throws Exception {
		TestProgramme programme = known(TestProgramme.announced());
		ServiceApi api = api();
		String resources = "/api/v1/programmes/" + programme.id + "/resources";

		Reply link = api.post(resources, programme.coordinatorToken(),
				resource("Digital tools for a cultural centre", "en", "LINK", List.of("digital-tools"),
						"https://example.org/tools"));
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		assertThat(link.header("Location")).isEqualTo("/api/v1/resources/" + link.text("id"));
		assertThat(link.text("url")).isEqualTo("https://example.org/tools");
		assertThat(link.json().path("file").isMissingNode()).isTrue();

		// a partner's coordinator coordinates the programme too
		Reply guide = upload(resources, programme.partnerCoordinatorToken(),
				resource("Vodič za mentore", "sr-Latn", "GUIDE", List.of("community-engagement"), null), "vodič za mentore.pdf",
				"application/pdf", PDF);
		assertThat(guide.status()).as(guide.body()).isEqualTo(201);
		assertThat(guide.json().at("/file/contentType").asString()).isEqualTo("application/pdf");
		assertThat(guide.json().at("/file/size").asLong()).isEqualTo(PDF.length);
		assertThat(guide.text("organisationId")).isEqualTo(programme.partner);

		TestProgramme.Pair pair = startedPair(programme, 2);
		for (String reader : List.of(programme.coordinatorToken(), pair.menteeToken(), pair.mentorToken())) {
			JsonNode all = api.get(resources, reader).json();
			assertThat(all.get("total").asInt()).isEqualTo(2);
			assertThat(all.get("items").findValuesAsString("id")).as("newest first")
				.containsExactly(guide.text("id"), link.text("id"));
		}
		assertThat(ids(api.get(resources + "?lang=sr-Latn", pair.menteeToken()))).containsExactly(guide.text("id"));
		assertThat(ids(api.get(resources + "?tag=digital-tools", pair.menteeToken()))).containsExactly(link.text("id"));
		assertThat(ids(api.get(resources + "?kind=GUIDE", pair.menteeToken()))).containsExactly(guide.text("id"));
		assertThat(ids(api.get(resources + "?kind=TEMPLATE", pair.menteeToken()))).isEmpty();
		assertProblem(api.get(resources + "?kind=BOOK", pair.menteeToken()), 400);

		HttpResponse<byte[]> file = download("/api/v1/resources/" + guide.text("id") + "/file", pair.menteeToken());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(PDF);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("filename*=UTF-8''vodi%C4%8D%20za%20mentore.pdf");
		assertProblem(api.get("/api/v1/resources/" + link.text("id") + "/file", pair.menteeToken()), 404);

		// the programme's participants read but do not write
		assertProblem(api.post(resources, pair.menteeToken(),
				resource("Mine", "en", "LINK", List.of(), "https://example.org/mine")), 403);
		assertProblem(api.patch("/api/v1/resources/" + link.text("id"), pair.mentorToken(), Map.of("title", "Mine")),
				403);
		assertProblem(api.delete("/api/v1/resources/" + link.text("id"), pair.menteeToken()), 403);

		Reply revised = api.patch("/api/v1/resources/" + link.text("id"), programme.coordinatorToken(),
				Map.of("title", "Digital tools, revised", "tags", List.of("digital-tools", "community-engagement")));
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		assertThat(revised.text("title")).isEqualTo("Digital tools, revised");
		assertThat(revised.json().get("tags").valueStream().map(JsonNode::asString))
			.containsExactly("digital-tools", "community-engagement");
		assertThat(revised.text("url")).as("unchanged").isEqualTo("https://example.org/tools");
		assertProblem(api.patch("/api/v1/resources/" + link.text("id"), programme.coordinatorToken(),
				Map.of("title", "Stale"), link.etag()), 412);
	}

	@Test
	void anOversizedAWronglyTypedFileAndATagOutsideTheTaxonomyAreRefusedNamingTheFieldAndNothingIsStored()
			throws Exception {
		TestProgramme programme = known(TestProgramme.announced());
		String resources = "/api/v1/programmes/" + programme.id + "/resources";
		String token = programme.coordinatorToken();
		long files = count("fs.files");
		long chunks = count("fs.chunks");
		long documents = mongo.getCollection("library_resources").countDocuments(new Document("programmeId", programme.id));

		byte[] oversized = Arrays.copyOf(PDF, 64 * 1024 + 1);
		Reply tooLarge = upload(resources, token, resource("Big", "en", "GUIDE", List.of(), null), "big.pdf",
				"application/pdf", oversized);
		assertProblem(tooLarge, 422);
		assertThat(tooLarge.problemFields()).containsExactly("file");

		byte[] farTooLarge = Arrays.copyOf(PDF, 64 * 1024 + 2 * 1024 * 1024);
		Reply cutOff = upload(resources, token, resource("Bigger", "en", "GUIDE", List.of(), null), "bigger.pdf",
				"application/pdf", farTooLarge);
		assertProblem(cutOff, 413);
		assertThat(cutOff.problemFields()).containsExactly("file");

		byte[] program = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000".getBytes(StandardCharsets.ISO_8859_1);
		Reply notAPdf = upload(resources, token, resource("Tool", "en", "TEMPLATE", List.of(), null), "tool.pdf",
				"application/pdf", Arrays.copyOf(program, 4096));
		assertProblem(notAPdf, 422);
		assertThat(notAPdf.problemFields()).containsExactly("file");

		Reply notTaken = upload(resources, token, resource("Script", "en", "TEMPLATE", List.of(), null), "run.sh",
				"text/x-sh", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII));
		assertProblem(notTaken, 422);
		assertThat(notTaken.problemFields()).containsExactly("file");

		Reply unknownTag = upload(resources, token,
				resource("Guide", "en", "GUIDE", List.of("digital-tools", "astrology"), null), "guide.pdf",
				"application/pdf", PDF);
		assertProblem(unknownTag, 422);
		assertThat(unknownTag.problemFields()).containsExactly("tags[1]");

		Reply badLink = api().post(resources, token, resource("Link", "xx", "LINK", List.of(), "ftp://example.org/x"));
		assertProblem(badLink, 422);
		assertThat(badLink.problemFields()).containsExactlyInAnyOrder("language", "url");
		Reply blank = api().post(resources, token, resource("", "en", "LINK", List.of(), "https://example.org"));
		assertProblem(blank, 400);
		assertThat(blank.problemFields()).containsOnly("title");

		assertThat(count("fs.files")).as("no file kept").isEqualTo(files);
		assertThat(count("fs.chunks")).as("no chunk kept").isEqualTo(chunks);
		assertThat(mongo.getCollection("library_resources").countDocuments(new Document("programmeId", programme.id)))
			.isEqualTo(documents);
	}

	@Test
	void anotherOrganisationsCoordinatorAMenteeOutsideTheProgrammeAndNoTokenGetNothing() throws Exception {
		TestProgramme programme = known(TestProgramme.announced());
		TestProgramme elsewhere = known(TestProgramme.announced());
		ServiceApi api = api();
		String resources = "/api/v1/programmes/" + programme.id + "/resources";
		Reply guide = upload(resources, programme.coordinatorToken(),
				resource("Guide", "en", "GUIDE", List.of(), null), "guide.pdf", "application/pdf", PDF);
		assertThat(guide.status()).as(guide.body()).isEqualTo(201);
		String id = guide.text("id");
		TestProgramme.Pair pair = startedPair(programme, 1);
		String outsider = elsewhere.enrol(Role.MENTEE, "Europe/Zagreb", "Iva Horvat");
		awaitEnrolled(outsider);

		List<String> strangers = List.of(tokens().coordinator("org-other-" + UUID.randomUUID()),
				tokens().participant(outsider, elsewhere.organiser, "mentee"), elsewhere.coordinatorToken());
		for (String stranger : strangers) {
			assertProblem(api.get(resources, stranger), 404);
			assertProblem(api.post(resources, stranger, resource("X", "en", "LINK", List.of(), "https://example.org")),
					404);
			assertProblem(api.get("/api/v1/resources/" + id, stranger), 404);
			assertProblem(api.get("/api/v1/resources/" + id + "/file", stranger), 404);
			assertProblem(api.patch("/api/v1/resources/" + id, stranger, Map.of("title", "X")), 404);
			assertProblem(api.delete("/api/v1/resources/" + id, stranger), 404);
			assertProblem(api.get("/api/v1/mentorships/" + pair.mentorshipId() + "/resources", stranger), 404);
		}
		for (String path : List.of(resources, "/api/v1/resources", "/api/v1/resources/" + id,
				"/api/v1/resources/" + id + "/file", "/api/v1/mentorships/" + pair.mentorshipId() + "/resources")) {
			assertProblem(api.get(path, null), 401);
		}
		assertProblem(api.post("/api/v1/resources", null, resource("X", "en", "LINK", List.of(), "https://example.org")),
				401);
		assertThat(api.get("/api/v1/resources/" + id, pair.menteeToken()).status()).isEqualTo(200);
	}

	@Test
	void administratorsPublishTheInstancesResourcesForEveryoneSignedIn() {
		TestProgramme programme = known(TestProgramme.announced());
		ServiceApi api = api();
		Map<String, Object> body = resource("Mentoring handbook", "en", "GUIDE", List.of("digital-tools"),
				"https://example.org/handbook");
		assertProblem(api.post("/api/v1/resources", programme.coordinatorToken(), body), 403);
		Reply published = api.post("/api/v1/resources", tokens().admin("org-platform"), body);
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		assertThat(published.json().path("programmeId").isMissingNode()).isTrue();

		TestProgramme.Pair pair = startedPair(programme, 1);
		for (String reader : List.of(pair.menteeToken(), programme.coordinatorToken(),
				tokens().coordinator("org-other-" + UUID.randomUUID()))) {
			assertThat(ids(api.get("/api/v1/resources?tag=digital-tools&size=100", reader)))
				.contains(published.text("id"));
			assertThat(api.get("/api/v1/resources/" + published.text("id"), reader).status()).isEqualTo(200);
		}
		assertProblem(api.patch("/api/v1/resources/" + published.text("id"), programme.coordinatorToken(),
				Map.of("title", "Mine")), 403);
		assertProblem(api.post("/api/v1/resources", tokens().admin("org-platform"),
				resource("Other", "en", "GUIDE", List.of("astrology"), "https://example.org/x")), 422);
	}

	@Test
	void aPairIsOfferedTheProgrammesAndTheInstancesResourcesInItsLanguageThenByItsGoalsThenNewest() {
		TestProgramme programme = known(TestProgramme.announced());
		ServiceApi api = api();
		String resources = "/api/v1/programmes/" + programme.id + "/resources";
		String coordinator = programme.coordinatorToken();
		String both = published(api.post(resources, coordinator,
				resource("Both goals", "en", "GUIDE", List.of("digital-tools", "community-engagement"), "https://example.org/1")));
		String one = published(api.post(resources, coordinator,
				resource("One goal", "en", "GUIDE", List.of("community-engagement"), "https://example.org/2")));
		String instanceOne = published(api.post("/api/v1/resources", tokens().admin("org-platform"),
				resource("One goal, for everyone", "en", "LINK", List.of("digital-tools"), "https://example.org/3")));
		String none = published(api.post(resources, coordinator,
				resource("No goal", "en", "TEMPLATE", List.of(), "https://example.org/4")));
		String otherLanguage = published(api.post(resources, coordinator,
				resource("Oba cilja", "sr-Latn", "GUIDE", List.of("digital-tools", "community-engagement"),
						"https://example.org/5")));

		String mentor = programme.enrol(Role.MENTOR, "Europe/Ljubljana", "Ana Petrović");
		String mentee = menteeSeeking(programme, "digital-tools", "community-engagement");
		TestProgramme.Pair pair = programme.start(mentor, mentee, Instant.now());
		awaitMentorship(pair.mentorshipId(), json -> true);
		awaitEnrolled(mentor, mentee);
		String suggestions = "/api/v1/mentorships/" + pair.mentorshipId() + "/resources?size=100";

		for (String reader : List.of(pair.menteeToken(), pair.mentorToken(), coordinator)) {
			Reply offered = api.get(suggestions, reader);
			assertThat(offered.status()).as(offered.body()).isEqualTo(200);
			List<String> mine = ids(offered).stream()
				.filter(List.of(both, one, instanceOne, none, otherLanguage)::contains)
				.toList();
			assertThat(mine).containsExactly(both, instanceOne, one, none, otherLanguage);
			JsonNode first = offered.json().get("items").valueStream().filter(i -> i.get("id").asString().equals(both))
				.findFirst().orElseThrow();
			assertThat(first.get("goalsMet").asInt()).isEqualTo(2);
		}
		// a coordinator reading in Serbian gets the Serbian resource first
		Reply inSerbian = api().inLanguage("sr-Latn").get(suggestions, coordinator);
		assertThat(ids(inSerbian).stream().filter(List.of(both, otherLanguage)::contains).toList())
			.containsExactly(otherLanguage, both);
	}

	@Test
	void deletingAResourceRemovesItsFile() throws Exception {
		TestProgramme programme = known(TestProgramme.announced());
		String resources = "/api/v1/programmes/" + programme.id + "/resources";
		Reply guide = upload(resources, programme.coordinatorToken(),
				resource("To remove", "en", "GUIDE", List.of(), null), "remove.pdf", "application/pdf", PDF);
		assertThat(guide.status()).as(guide.body()).isEqualTo(201);
		Document stored = mongo.getCollection("fs.files").find(new Document("metadata.resourceId", guide.text("id"))).first();
		assertThat(stored).isNotNull();
		Object fileId = stored.get("_id");
		assertThat(mongo.getCollection("fs.chunks").countDocuments(new Document("files_id", fileId))).isPositive();

		assertThat(api().delete("/api/v1/resources/" + guide.text("id"), programme.coordinatorToken()).status())
			.isEqualTo(204);

		assertProblem(api().get("/api/v1/resources/" + guide.text("id"), programme.coordinatorToken()), 404);
		assertThat(mongo.getCollection("fs.files").countDocuments(new Document("_id", fileId))).isZero();
		assertThat(mongo.getCollection("fs.chunks").countDocuments(new Document("files_id", fileId))).isZero();
	}

	/** A mentee of the programme whose profile seeks the goals (taxonomy codes). */
	private String menteeSeeking(TestProgramme programme, String... goals) {
		String menteeId = "par-mentee-" + UUID.randomUUID();
		ParticipantProfile plain = programme.profile(menteeId, Role.MENTEE, "Europe/Skopje", ParticipantStatus.ACTIVE,
				TestTokens.accountOf(menteeId));
		ParticipantProfile seeking = new ParticipantProfile(plain.participantId(), plain.programmeId(),
				plain.organisationId(), plain.role(), plain.status(), plain.country(), plain.city(), plain.languages(),
				plain.preferredLocale(), plain.skills(), Arrays.stream(goals).map(code -> new Skill(code, 3)).toList(),
				plain.format(), plain.timeZone(), plain.availability(), plain.capacity(), plain.preferredMentorIds(),
				plain.avoidedParticipantIds(), plain.accountId());
		Upstream.publish(new ParticipantEnrolled(seeking, Instant.now()));
		return menteeId;
	}

	private static Map<String, Object> resource(String title, String language, String kind, List<String> tags,
			String url) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("language", language);
		body.put("kind", kind);
		body.put("tags", tags);
		if (url != null) {
			body.put("url", url);
		}
		return body;
	}

	private static String published(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.text("id");
	}

	private static List<String> ids(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("items").findValuesAsString("id");
	}

	private long count(String collection) {
		return mongo.getCollection(collection).countDocuments();
	}

	/** A multipart request: the resource as JSON in the {@code resource} part, the bytes in the {@code file} part. */
	private Reply upload(String path, String token, Map<String, Object> resource, String fileName, String contentType,
			byte[] bytes) throws Exception {
		String boundary = "----resource-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"resource\"\r\n"
				+ "Content-Type: application/json\r\n\r\n" + ServiceApi.json(resource) + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api().url(path)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = api().client().send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.body(), response.headers());
	}

	private HttpResponse<byte[]> download(String path, String token) throws Exception {
		return api().client()
			.send(HttpRequest.newBuilder(URI.create(api().url(path))).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

}
