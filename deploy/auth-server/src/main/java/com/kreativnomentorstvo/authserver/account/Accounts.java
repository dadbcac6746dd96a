package com.kreativnomentorstvo.authserver.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * All accounts, in the {@value #COLLECTION} collection. Every change is one write of the fields it concerns, so that
 * a password set and an access change at the same time do not undo each other.
 */
@Component
public class Accounts {

	static final String COLLECTION = "accounts";

	private final MongoOperations mongo;

	private final PasswordEncoder passwords;

	Accounts(MongoOperations mongo, PasswordEncoder passwords) {
		this.mongo = mongo;
		this.passwords = passwords;
		var indexes = mongo.indexOps(Account.class);
		indexes.createIndex(new Index("email", Sort.Direction.ASC).unique());
		// only demo personas have a username
		indexes.createIndex(new Index("username", Sort.Direction.ASC).unique().sparse());
	}

	/** The address as accounts store and compare it: without surrounding blanks, in lower case. */
	public static String canonicalEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	public Optional<Account> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Account.class));
	}

	/** The account with the address, compared without case. */
	public Optional<Account> findByEmail(String email) {
		return Optional.ofNullable(mongo.findOne(query(where("email").is(canonicalEmail(email))), Account.class));
	}

	/** A demo persona's account. */
	public Optional<Account> findByUsername(String username) {
		return Optional.ofNullable(mongo.findOne(query(where("username").is(username)), Account.class));
	}

	/** How many demo personas' accounts there are. */
	public long countPersonas() {
		return mongo.count(query(where("username").exists(true)), Account.class);
	}

	/**
	 * Creates an enabled account with a new id.
	 * @param password her first password, or {@code null}: she sets one through the platform's link
	 * @throws AccountAlreadyExists if another account has the address
	 */
	public Account create(String email, String displayName, String locale, String organisationId, List<String> roles,
			@Nullable String password) {
		Account account = new Account(UUID.randomUUID().toString(), canonicalEmail(email), null, displayName.strip(),
				locale, organisationId, Roles.checked(roles), true, password == null ? null : hash(password));
		try {
			return mongo.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw new AccountAlreadyExists();
		}
	}

	/**
	 * Writes a demo persona's account as its file says: a new account with {@code passwordHash}, or the existing one
	 * with the file's address, name, locale, organisation and roles. A password chosen since, and whether the account
	 * is enabled, are kept.
	 * @throws AccountAlreadyExists if another account has the persona's address
	 */
	public void upsertPersona(Account persona, Supplier<String> passwordHash) {
		try {
			Account existing = find(persona.id()).orElse(null);
			if (existing == null) {
				mongo.insert(new Account(persona.id(), canonicalEmail(persona.email()), persona.username(),
						persona.displayName(), persona.locale(), persona.organisationId(), Roles.checked(persona.roles()),
						true, passwordHash.get()));
				return;
			}
			Update update = new Update().set("email", canonicalEmail(persona.email()))
				.set("username", persona.username())
				.set("displayName", persona.displayName())
				.set("locale", persona.locale())
				.set("organisationId", persona.organisationId())
				.set("roles", Roles.checked(persona.roles()));
			if (!existing.passwordSet()) {
				update.set("passwordHash", passwordHash.get());
			}
			mongo.updateFirst(query(where("_id").is(persona.id())), update, Account.class);
		}
		catch (DuplicateKeyException ex) {
			throw new AccountAlreadyExists();
		}
	}

	/**
	 * Sets her password, stored as a bcrypt hash.
	 * @return whether the account exists
	 * @throws IllegalArgumentException if the password breaks the {@link PasswordRule}
	 */
	public boolean setPassword(String id, String password) {
		return mongo.updateFirst(query(where("_id").is(id)), new Update().set("passwordHash", hash(password)),
				Account.class)
			.getMatchedCount() > 0;
	}

	/**
	 * What her tokens say and whether she may sign in.
	 * @return whether the account exists
	 */
	public boolean changeAccess(String id, String organisationId, List<String> roles, boolean enabled) {
		Update update = new Update().set("organisationId", organisationId)
			.set("roles", Roles.checked(roles))
			.set("enabled", enabled);
		return mongo.updateFirst(query(where("_id").is(id)), update, Account.class).getMatchedCount() > 0;
	}

	/** Deletes the account; an absent one is no error. */
	public void delete(String id) {
		mongo.remove(query(where("_id").is(id)), Account.class);
	}

	private String hash(String password) {
		PasswordRule.violation(password).ifPresent(violation -> {
			throw new IllegalArgumentException("the password " + violation);
		});
		return passwords.encode(password);
	}

}
