package com.kreativnomentorstvo.platform.messaging;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}: GET lists the dead letters, POST (optionally with
 * {@code {"consumerGroup": "..."}}) replays those not replayed before. Admins only.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private final DeadLetters deadLetters;

	DeadLettersEndpoint(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@ReadOperation
	public List<DeadLetters.DeadLetter> list() {
		return deadLetters.list();
	}

	@WriteOperation
	public List<DeadLetters.Replay> replay(@Nullable String consumerGroup) {
		return deadLetters.replay(consumerGroup);
	}

}
