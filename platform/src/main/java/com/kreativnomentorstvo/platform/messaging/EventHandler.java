package com.kreativnomentorstvo.platform.messaging;

import com.kreativnomentorstvo.events.MentoringEvent;

/** Applies one received event. It may be called again for the same event after a failure. */
@FunctionalInterface
public interface EventHandler<E extends MentoringEvent> {

	void handle(E event, EventMetadata metadata);

}
