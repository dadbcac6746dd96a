package com.kreativnomentorstvo.web.inbox;

import java.util.List;

import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.web.api.Api;
import com.kreativnomentorstvo.web.api.ApiProblem;
import com.kreativnomentorstvo.web.api.Page;

/**
 * The signed-in person's messages. An account the notification service does not know as a
 * recipient yet (an administrator, or a person whose admission it has not read yet) has an empty
 * inbox, not an error: the service answers that case with a 4xx naming {@code recipientId}.
 */
@Component
public class Messages {

	private final Api api;

	Messages(Api api) {
		this.api = api;
	}

	/** One page of her messages, newest first; only the unread ones if asked. */
	public Page page(int page, int size, boolean unreadOnly) {
		try {
			return api.page("/api/v1/notifications?page={page}&size={size}&unread={unread}", Math.max(page, 0), size,
					unreadOnly);
		}
		catch (ApiProblem noInbox) {
			if (noInbox.status() == 400 || noInbox.status() == 422) {
				return new Page(List.of(), Math.max(page, 0), size, 0);
			}
			throw noInbox;
		}
	}

}
