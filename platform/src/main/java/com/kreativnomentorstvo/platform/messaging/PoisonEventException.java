package com.kreativnomentorstvo.platform.messaging;

/**
 * An event that can never be applied, however often it is retried (it cannot be decoded, or it
 * breaks the contract). It goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
