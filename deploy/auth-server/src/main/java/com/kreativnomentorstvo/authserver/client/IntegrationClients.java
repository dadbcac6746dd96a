package com.kreativnomentorstvo.authserver.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.authserver.account.Roles;

/** The integrations' clients, in the {@value #COLLECTION} collection. */
@Component
public class IntegrationClients {

	static final String COLLECTION = "clients";

	/** The start of every integration's client id. */
	public static final String PREFIX = "int-";

	private final SecureRandom random = new SecureRandom();

	private final MongoOperations mongo;

	private final PasswordEncoder passwords;

	private final Clock clock;

	IntegrationClients(MongoOperations mongo, PasswordEncoder passwords) {
		this.mongo = mongo;
		this.passwords = passwords;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Registers a client with a new id and secret; only the secret's hash is kept.
	 * @return the client id and the secret, which nobody can read again later
	 */
	public IssuedClient register(String name, String organisationId, List<String> roles) {
		String clientId = PREFIX + HexFormat.of().formatHex(bytes(10));
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
		mongo.insert(new IntegrationClient(clientId, name.strip(), organisationId, Roles.checked(roles),
				passwords.encode(secret), clock.instant()));
		return new IssuedClient(clientId, secret);
	}

	/** Removes the client; its tokens stop being issued at once. An absent one is no error. */
	public void remove(String clientId) {
		mongo.remove(query(where("_id").is(clientId)), IntegrationClient.class);
	}

	Optional<IntegrationClient> find(String clientId) {
		return Optional.ofNullable(mongo.findById(clientId, IntegrationClient.class));
	}

	/** Keeps a secret hash the authorization server upgraded to a stronger encoding. */
	void replaceSecretHash(String clientId, String secretHash) {
		mongo.updateFirst(query(where("_id").is(clientId)), new Update().set("secretHash", secretHash),
				IntegrationClient.class);
	}

	private byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

	/** A new client's id and its secret, shown once. */
	public record IssuedClient(String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "IssuedClient[" + clientId + "]";
		}

	}

}
