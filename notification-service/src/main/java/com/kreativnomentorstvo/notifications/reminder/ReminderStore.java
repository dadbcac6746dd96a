package com.kreativnomentorstvo.notifications.reminder;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.kreativnomentorstvo.platform.retry.Conflicts;

/**
 * Stores the planner's changes to reminders. Each change is a read-change-write under optimistic
 * locking, run again on a fresh read when the scheduler or another consumer wrote the reminder
 * meanwhile (or created it first), so events of different keys may arrive in any order.
 */
@Component
class ReminderStore {

	private final Reminders reminders;

	ReminderStore(Reminders reminders) {
		this.reminders = reminders;
	}

	/**
	 * Applies a change to the reminder with the id (absent: {@code null}); the change returns what
	 * to store, or {@code null} for no change.
	 */
	void change(String id, UnaryOperator<Reminder> change) {
		Conflicts.retry(() -> {
			Reminder changed = change.apply(reminders.findById(id).orElse(null));
			return changed == null ? null : reminders.save(changed);
		}, DuplicateKeyException.class);
	}

	/** Cancels the reminder with the id, if there is one and it has not fired. */
	void cancel(String id) {
		change(id, existing -> {
			if (existing == null) {
				return null;
			}
			existing.cancel();
			return existing;
		});
	}

	/**
	 * Cancels the reminder with the id for good: when there is none yet (what cancels it was seen
	 * first), the one given is stored cancelled, so that a plan arriving later leaves it so.
	 */
	void settle(String id, Supplier<Reminder> absent) {
		change(id, existing -> {
			if (existing != null && existing.status() != Reminder.Status.PENDING) {
				return null;
			}
			Reminder settled = existing != null ? existing : absent.get();
			settled.cancel();
			return settled;
		});
	}

	/** The participant no longer gets any reminder; those meant for nobody else are cancelled. */
	void dropEverywhere(String participantId) {
		reminders.findByRecipientsContains(participantId).forEach(reminder -> change(reminder.id(), existing -> {
			if (existing == null) {
				return null;
			}
			existing.drop(participantId);
			return existing;
		}));
	}

}
