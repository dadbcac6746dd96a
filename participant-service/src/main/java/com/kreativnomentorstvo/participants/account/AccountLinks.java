package com.kreativnomentorstvo.participants.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.kreativnomentorstvo.platform.Ids;
import com.kreativnomentorstvo.platform.links.SignedLinks;

/**
 * The links of account e-mails: issued here, written into e-mails (with their signature) by the
 * notification service, and taken back here, each once.
 */
@Service
public class AccountLinks {

	/** The request field a link's token arrives in, named by every refusal. */
	public static final String TOKEN_FIELD = "token";

	private final MongoOperations mongo;

	private final SignedLinks signatures;

	private final Clock clock;

	AccountLinks(MongoOperations mongo, SignedLinks signatures, Clock clock) {
		this.mongo = mongo;
		this.signatures = signatures;
		this.clock = clock;
	}

	/**
	 * A new link. Several password links of one account may work at once (she was invited to two
	 * programmes, or two lists named her at the same moment); setting the password with one retires
	 * the others.
	 */
	public AccountLink issue(LinkPurpose purpose, String accountId, String recipientId, Duration validity) {
		Instant now = clock.instant();
		return mongo.insert(new AccountLink(Ids.next("lnk"), purpose, accountId, recipientId, now, now.plus(validity),
				null, null));
	}

	/**
	 * A new password link that replaces the account's earlier unused ones: a link sent again, or a
	 * reset, after which only the latest e-mail's link works.
	 */
	public AccountLink reissue(String accountId, String recipientId, Duration validity) {
		retire(accountId, null);
		return issue(LinkPurpose.SET_PASSWORD, accountId, recipientId, validity);
	}

	/** Retires the account's unused password links but the one given (which was just used), if any. */
	public void retire(String accountId, String keptLinkId) {
		Criteria unused = Criteria.where("accountId").is(accountId).and("purpose").is(LinkPurpose.SET_PASSWORD)
			.and("usedAt").is(null).and("supersededAt").is(null);
		if (keptLinkId != null) {
			unused = unused.and("_id").ne(keptLinkId);
		}
		mongo.updateMulti(Query.query(unused), new Update().set("supersededAt", clock.instant()), AccountLink.class);
	}

	/**
	 * The link of a token if it works now, claimed so that nobody else can use it; release it if
	 * what it was used for failed.
	 * @throws LinkRefused naming {@value #TOKEN_FIELD}: forged, unknown, used, replaced or expired
	 */
	public AccountLink claim(LinkPurpose purpose, String token) {
		AccountLink link = check(purpose, token);
		AccountLink claimed = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(link.id()).and("usedAt").is(null).and("supersededAt").is(null)),
				new Update().set("usedAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
				AccountLink.class);
		if (claimed == null) {
			throw new LinkRefused(LinkRefused.Reason.USED, link);
		}
		return claimed;
	}

	/**
	 * The link of a token if it works now, without using it up (to show the page it opens).
	 * @throws LinkRefused naming {@value #TOKEN_FIELD}
	 */
	public AccountLink check(LinkPurpose purpose, String token) {
		String id = signatures.linkId(purpose.name(), token)
			.orElseThrow(() -> new LinkRefused(LinkRefused.Reason.INVALID));
		AccountLink link = mongo.findById(id, AccountLink.class);
		if (link == null || link.purpose() != purpose) {
			throw new LinkRefused(LinkRefused.Reason.INVALID);
		}
		LinkRefused.Reason refusal = link.refusal(clock.instant());
		if (refusal != null) {
			throw new LinkRefused(refusal, link);
		}
		return link;
	}

	/** Makes a claimed link usable again, because what it was used for did not happen. */
	public void release(AccountLink link) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(link.id())), new Update().unset("usedAt"),
				AccountLink.class);
	}

	/** Forgets every link sent to the recipient or for the account (erasure). */
	public void forget(String recipientId, String accountId) {
		Criteria theirs = accountId == null ? Criteria.where("recipientId").is(recipientId)
				: new Criteria().orOperator(Criteria.where("recipientId").is(recipientId),
						Criteria.where("accountId").is(accountId));
		mongo.remove(Query.query(theirs), AccountLink.class);
	}

	/**
	 * Forgets links that expired long ago: they are refused as unknown then, as any old link is.
	 * @return how many were removed
	 */
	public long forgetExpired(Duration after) {
		return mongo.remove(Query.query(Criteria.where("expiresAt").lt(clock.instant().minus(after))), AccountLink.class)
			.getDeletedCount();
	}

}
