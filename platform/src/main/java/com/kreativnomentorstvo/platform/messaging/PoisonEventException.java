package com.kreativnomentorstvo.platform.messaging;

/**
 * An event that can never be applied, however often it is retried (it cannot be decoded, or it
 * breaks the contract, or a business rule that will never pass). It goes to the dead-letter topic
 * at once. Its message is the reason kept there, also for records that hold personal data (whose
 * value is left out): write it so that it names the problem without quoting the record.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
