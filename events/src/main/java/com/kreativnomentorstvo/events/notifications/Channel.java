package com.kreativnomentorstvo.events.notifications;

/** The way a notification reached (or failed to reach) its recipient. */
public enum Channel {

	EMAIL, IN_APP, WEBHOOK

}
