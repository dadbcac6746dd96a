package com.kreativnomentorstvo.sampleclean.second;

import com.kreativnomentorstvo.support.tokens.VerifiedTokens;

/** A feature that uses the pieces every deployable shares (support), as the gateway does. */
public class Tokens {

	public boolean known(VerifiedTokens verified, String token) {
		return verified.recall(token) != null;
	}

}
