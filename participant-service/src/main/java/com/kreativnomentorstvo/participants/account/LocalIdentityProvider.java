package com.kreativnomentorstvo.participants.account;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.DefaultUriBuilderFactory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.kreativnomentorstvo.participants.config.ParticipantServiceProperties;

/**
 * The platform's own authorization server ({@code deploy/auth-server}) through its admin API. Every call carries a
 * token of this service's client (client credentials, scope {@value #SCOPE}), fetched from {@code /oauth2/token} and
 * reused until shortly before it expires; a token the server refuses (it was reset, say) is replaced once. A server
 * that does not answer within the timeout, or answers anything but what the port expects (also a 404 for an account
 * to change, or a 400 for a value it does not take), is {@link IdentityProviderUnavailable}, as with Keycloak.
 */
class LocalIdentityProvider implements IdentityProvider {

	static final String SCOPE = "accounts";

	/** A token is replaced this long before it expires, so that it does not expire on its way. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

	private static final int MAX_DETAIL = 300;

	private final RestClient server;

	private final String clientId;

	private final String clientSecret;

	private final Clock clock;

	private @Nullable CachedToken token;

	LocalIdentityProvider(ParticipantServiceProperties.Accounts.Local settings, RestClient.Builder builder) {
		this(settings, builder, Clock.systemUTC());
	}

	LocalIdentityProvider(ParticipantServiceProperties.Accounts.Local settings, RestClient.Builder builder,
			Clock clock) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build());
		requests.setReadTimeout(settings.timeout());
		// values in URI templates are encoded strictly: a '+' in an address stays a '+'
		this.server = builder.clone()
			.uriBuilderFactory(new DefaultUriBuilderFactory(settings.url().replaceAll("/+$", "")))
			.requestFactory(requests)
			.build();
		this.clientId = settings.clientId();
		this.clientSecret = settings.clientSecret();
		this.clock = clock;
	}

	@Override
	public Optional<Account> findByEmail(String email) {
		return call("find an account by address", api -> api.get().uri("/admin/accounts?email={email}", email),
				(status, response) -> {
					expect(status, 200, "find an account by address", response);
					List<AccountJson> found = response.bodyTo(new ParameterizedTypeReference<List<AccountJson>>() {
					});
					return found == null ? Optional.<Account>empty()
							: found.stream().findFirst().map(AccountJson::toAccount);
				});
	}

	@Override
	public Optional<Account> find(String accountId) {
		return call("find an account", api -> api.get().uri("/admin/accounts/{id}", accountId),
				(status, response) -> {
					if (status.value() == 404) {
						return Optional.<Account>empty();
					}
					expect(status, 200, "find an account", response);
					return Optional.ofNullable(response.bodyTo(AccountJson.class)).map(AccountJson::toAccount);
				});
	}

	@Override
	public Account create(NewAccount account) {
		NewAccountJson body = new NewAccountJson(account.email(), account.displayName(), account.locale(),
				account.organisationId(), account.roles());
		return call("create an account",
				api -> api.post().uri("/admin/accounts").contentType(MediaType.APPLICATION_JSON).body(body),
				(status, response) -> {
					if (status.value() == 409) {
						throw new AccountAlreadyExists(account.email());
					}
					expect(status, 201, "create an account", response);
					return required(response.bodyTo(AccountJson.class), "create an account").toAccount();
				});
	}

	@Override
	public void setPassword(String accountId, String password) {
		PasswordJson body = new PasswordJson(password);
		call("set a password", api -> api.put()
			.uri("/admin/accounts/{id}/password", accountId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body), (status, response) -> noContent(status, response, "set a password", accountId));
	}

	@Override
	public void changeAccess(String accountId, AccountAccess access) {
		AccessJson body = new AccessJson(access.organisationId(), access.roles(), access.enabled());
		call("change an account's access", api -> api.put()
			.uri("/admin/accounts/{id}/access", accountId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body), (status, response) -> noContent(status, response, "change an account's access", accountId));
	}

	@Override
	public void delete(String accountId) {
		call("delete an account", api -> api.delete().uri("/admin/accounts/{id}", accountId),
				(status, response) -> gone(status, response, "delete an account"));
	}

	@Override
	public IntegrationClient registerClient(String name, String organisationId, List<String> roles) {
		NewClientJson body = new NewClientJson(name, organisationId, List.copyOf(roles));
		return call("register a client",
				api -> api.post().uri("/admin/clients").contentType(MediaType.APPLICATION_JSON).body(body),
				(status, response) -> {
					expect(status, 201, "register a client", response);
					ClientJson client = required(response.bodyTo(ClientJson.class), "register a client");
					return new IntegrationClient(client.clientId(), client.clientSecret());
				});
	}

	@Override
	public void removeClient(String clientId) {
		call("remove a client", api -> api.delete().uri("/admin/clients/{clientId}", clientId),
				(status, response) -> gone(status, response, "remove a client"));
	}

	/** Sends the request with this service's token; once more with a new token if the server refused it. */
	private <T> T call(String what, Function<RestClient, RestClient.RequestHeadersSpec<?>> request, Answer<T> answer) {
		try {
			String bearer = token();
			Reply<T> reply = send(request, answer, bearer);
			if (reply.tokenRefused()) {
				forget(bearer);
				reply = send(request, answer, token());
				if (reply.tokenRefused()) {
					throw new IdentityProviderUnavailable(
							"the authorization server refuses this service's token (" + what + ")");
				}
			}
			return reply.value();
		}
		catch (RestClientException ex) {
			// not reached, timed out, or an answer that could not be read
			throw new IdentityProviderUnavailable("the authorization server did not answer (" + what + ")", ex);
		}
	}

	private <T> Reply<T> send(Function<RestClient, RestClient.RequestHeadersSpec<?>> request, Answer<T> answer,
			String bearer) {
		return request.apply(server)
			.headers(headers -> headers.setBearerAuth(bearer))
			.accept(MediaType.APPLICATION_JSON)
			.exchange((req, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.value() == 401) {
					return new Reply<T>(true, null);
				}
				return new Reply<>(false, answer.read(status, response));
			});
	}

	private synchronized String token() {
		if (token == null || !clock.instant().isBefore(token.renewAt())) {
			token = fetchToken();
		}
		return token.value();
	}

	private synchronized void forget(String bearer) {
		if (token != null && token.value().equals(bearer)) {
			token = null;
		}
	}

	private CachedToken fetchToken() {
		Instant asked = clock.instant();
		TokenJson answer = server.post()
			.uri("/oauth2/token")
			// RFC 6749 2.3.1: client id and secret are form-encoded before they go into the Basic header
			.headers(headers -> headers.setBasicAuth(formEncoded(clientId), formEncoded(clientSecret)))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body("grant_type=client_credentials&scope=" + SCOPE)
			.exchange((req, response) -> {
				if (!response.getStatusCode().is2xxSuccessful()) {
					throw new IdentityProviderUnavailable("the authorization server gave no token to client " + clientId
							+ ": " + response.getStatusCode().value() + " " + detail(response));
				}
				return response.bodyTo(TokenJson.class);
			});
		if (answer == null || answer.accessToken() == null) {
			throw new IdentityProviderUnavailable("the authorization server's token answer has no access_token");
		}
		Duration lifetime = Duration.ofSeconds(answer.expiresIn() == null ? 60 : answer.expiresIn());
		Duration margin = EXPIRY_MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? EXPIRY_MARGIN : lifetime.dividedBy(2);
		return new CachedToken(answer.accessToken(), asked.plus(lifetime).minus(margin));
	}

	private static Void noContent(HttpStatusCode status, ConvertibleClientHttpResponse response, String what,
			String accountId) throws IOException {
		if (status.value() == 404) {
			throw new IdentityProviderUnavailable("the authorization server has no account " + accountId + " to " + what);
		}
		expect(status, 204, what, response);
		return null;
	}

	/** Deleting what is not there (any more) is done as well. */
	private static Void gone(HttpStatusCode status, ConvertibleClientHttpResponse response, String what)
			throws IOException {
		if (status.value() != 404) {
			expect(status, 204, what, response);
		}
		return null;
	}

	private static void expect(HttpStatusCode status, int expected, String what, ConvertibleClientHttpResponse response)
			throws IOException {
		if (status.value() == expected) {
			return;
		}
		// also a 400: the problem details name the field the server refused (never its value)
		throw new IdentityProviderUnavailable(
				"the authorization server answered " + status.value() + " to " + what + ": " + detail(response));
	}

	private static <T> T required(@Nullable T body, String what) {
		if (body == null) {
			throw new IdentityProviderUnavailable("the authorization server's answer to " + what + " has no body");
		}
		return body;
	}

	/** The start of an error answer: problem details name the fields at fault; never a request's values. */
	private static String detail(ConvertibleClientHttpResponse response) throws IOException {
		String body = new String(response.getBody().readNBytes(MAX_DETAIL), StandardCharsets.UTF_8);
		return body.isBlank() ? "(no details)" : body.strip();
	}

	private static String formEncoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Reads an answer other than 401. */
	@FunctionalInterface
	private interface Answer<T> {

		T read(HttpStatusCode status, ConvertibleClientHttpResponse response) throws IOException;

	}

	private record Reply<T>(boolean tokenRefused, @Nullable T value) {
	}

	private record CachedToken(String value, Instant renewAt) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record TokenJson(@JsonProperty("access_token") String accessToken,
			@JsonProperty("expires_in") Long expiresIn) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record AccountJson(String id, String email, String displayName, String locale, String organisationId,
			List<String> roles, boolean enabled, boolean passwordSet) {

		Account toAccount() {
			return new Account(id, email, displayName, locale, organisationId, roles, enabled, passwordSet);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record ClientJson(String clientId, String clientSecret) {
	}

	private record NewAccountJson(String email, String displayName, @Nullable String locale, String organisationId,
			List<String> roles) {
	}

	private record PasswordJson(String password) {

		@Override
		public String toString() {
			return "PasswordJson[...]";
		}

	}

	private record AccessJson(String organisationId, List<String> roles, boolean enabled) {
	}

	private record NewClientJson(String name, String organisationId, List<String> roles) {
	}

}
