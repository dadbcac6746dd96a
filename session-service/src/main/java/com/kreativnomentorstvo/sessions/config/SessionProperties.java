package com.kreativnomentorstvo.sessions.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of session-service, under {@code mentoring.sessions.*}.
 *
 * @param meetings how online sessions get their meeting room
 * @param calendar how calendar files and feeds describe themselves
 * @param scheduling limits of what can be booked
 * @param progress when the progress report calls a pair at risk
 * @param limits how much one pair, event or schedule may hold
 * @param turnout when a group event coming soon is flagged for few acceptances
 * @param resources what the resource library takes
 * @param surveys how large a survey may be and when its requests are due
 */
@ConfigurationProperties("mentoring.sessions")
public record SessionProperties(@DefaultValue Meetings meetings, @DefaultValue Calendar calendar,
		@DefaultValue Scheduling scheduling, @DefaultValue Progress progress, @DefaultValue Limits limits,
		@DefaultValue Turnout turnout, @DefaultValue Resources resources, @DefaultValue Surveys surveys) {

	/**
	 * @param maxFileSize the largest file the resource library keeps; a larger one is refused with
	 *     422 naming {@code file} (the service's multipart limits are derived from it, so no request
	 *     much larger is read at all)
	 */
	public record Resources(@DefaultValue("10MB") DataSize maxFileSize) {

		public Resources {
			if (maxFileSize.toBytes() < 1) {
				throw new IllegalArgumentException("mentoring.sessions.resources.max-file-size must be at least 1B");
			}
		}

	}

	/**
	 * @param perProgramme the most surveys one programme may hold
	 * @param maxQuestions the most questions of a survey (at least one)
	 * @param minOptions the fewest options of a choice question
	 * @param maxOptions the most options of a choice question
	 * @param maxTitleLength the longest title, per language
	 * @param maxQuestionLength the longest question or option text, per language
	 * @param maxAnswerLength the longest text answer
	 * @param closingDaysBefore how many days before the programme's end a CLOSING survey asks, unless
	 *     the survey says
	 * @param maxClosingDaysBefore the most days before the end a survey may choose
	 * @param answerWithin how long after a request its answer is due
	 * @param checkInterval how often the surveys due by date (DAY_30, MIDTERM, CLOSING) are looked at
	 */
	public record Surveys(@DefaultValue("50") int perProgramme, @DefaultValue("10") int maxQuestions,
			@DefaultValue("2") int minOptions, @DefaultValue("8") int maxOptions,
			@DefaultValue("200") int maxTitleLength, @DefaultValue("500") int maxQuestionLength,
			@DefaultValue("2000") int maxAnswerLength, @DefaultValue("14") int closingDaysBefore,
			@DefaultValue("90") int maxClosingDaysBefore, @DefaultValue("14d") Duration answerWithin,
			@DefaultValue("1h") Duration checkInterval) {

		public Surveys {
			if (maxQuestions < 1 || minOptions < 2 || maxOptions < minOptions || perProgramme < 1) {
				throw new IllegalArgumentException(
						"mentoring.sessions.surveys: max-questions and per-programme at least 1, min-options at least 2, "
								+ "max-options at least min-options");
			}
		}

	}

	/**
	 * @param ahead how long before its start an event is looked at
	 * @param minimumShare the share of invitees who should have said yes by then (0 to 1)
	 * @param checkInterval how often events are looked at
	 */
	public record Turnout(@DefaultValue("3d") Duration ahead, @DefaultValue("0.5") double minimumShare,
			@DefaultValue("1h") Duration checkInterval) {

		public Turnout {
			if (minimumShare < 0 || minimumShare > 1) {
				throw new IllegalArgumentException("mentoring.sessions.turnout.minimum-share must be between 0 and 1");
			}
		}

	}

	/** Who provides meeting rooms. */
	public enum MeetingProvider {

		/** A new room on a Jitsi Meet server, named with an unguessable id. */
		JITSI,

		/** Any provider whose room links follow a pattern: {@code urlTemplate} with {@code {room}}. */
		TEMPLATE

	}

	/**
	 * @param provider who provides rooms
	 * @param baseUrl the Jitsi server
	 * @param roomPrefix the readable start of every room name
	 * @param urlTemplate for {@link MeetingProvider#TEMPLATE}, e.g. {@code https://bbb.example.org/rooms/{room}}
	 */
	public record Meetings(@DefaultValue("JITSI") MeetingProvider provider,
			@DefaultValue("https://meet.jit.si") URI baseUrl, @DefaultValue("KreativnoMentorstvo-") String roomPrefix,
			String urlTemplate) {
	}

	/**
	 * @param publicBaseUrl where participants reach the API (the gateway), for feed links
	 * @param organizerEmail the ORGANIZER address of calendar entries (a no-reply address)
	 * @param organizerName the ORGANIZER's common name
	 * @param uidDomain the right-hand side of every calendar UID
	 */
	public record Calendar(@DefaultValue("http://localhost:8080") URI publicBaseUrl,
			@DefaultValue("noreply@kreativnomentorstvo.org") String organizerEmail,
			@DefaultValue("Mentoring platform") String organizerName,
			@DefaultValue("sessions.kreativnomentorstvo.org") String uidDomain) {
	}

	/**
	 * @param minDuration shortest session
	 * @param maxDuration longest session or programme event
	 * @param backdateLimit how far in the past a session may be logged (one that took place unplanned)
	 * @param maxSeriesLength most sessions one weekly series books
	 * @param claimGrace how long a time claim whose session was never stored keeps blocking the
	 *     time (a request still in flight); afterwards the claim is treated as abandoned
	 */
	public record Scheduling(@DefaultValue("15m") Duration minDuration, @DefaultValue("8h") Duration maxDuration,
			@DefaultValue("30d") Duration backdateLimit, @DefaultValue("26") int maxSeriesLength,
			@DefaultValue("2m") Duration claimGrace) {
	}

	/**
	 * @param quietDays an active pair without a held session for this many days is at risk
	 * @param unansweredMatchDays a proposed match still unanswered after this many days is at risk
	 */
	public record Progress(@DefaultValue("21") int quietDays, @DefaultValue("7") int unansweredMatchDays) {
	}

	/**
	 * The most entries a stored list may hold, so no document grows without end (MongoDB refuses
	 * documents over 16 MB). A request that would add one more is refused with 409
	 * {@code limit-reached} naming the list, and nothing is written; changing an entry that exists
	 * (a second answer, a corrected attendance, a moved session) is never refused.
	 *
	 * @param goalsPerMentorship goals of one pair, dropped ones included
	 * @param checkInsPerMentorship check-ins of one pair, over all its goals
	 * @param rsvpsPerEvent participants who answered one programme event
	 * @param attendancePerEvent participants whose attendance of one programme event is recorded
	 * @param sessionsPerParticipant sessions holding one participant's time, from
	 *     {@code mentoring.sessions.scheduling.backdate-limit} ago on (older ones drop out of her schedule)
	 */
	public record Limits(@DefaultValue("200") int goalsPerMentorship, @DefaultValue("500") int checkInsPerMentorship,
			@DefaultValue("5000") int rsvpsPerEvent, @DefaultValue("5000") int attendancePerEvent,
			@DefaultValue("500") int sessionsPerParticipant, @DefaultValue("2000") int messagesPerMentorship) {

		public Limits {
			requirePositive("goals-per-mentorship", goalsPerMentorship);
			requirePositive("check-ins-per-mentorship", checkInsPerMentorship);
			requirePositive("messages-per-mentorship", messagesPerMentorship);
			requirePositive("rsvps-per-event", rsvpsPerEvent);
			requirePositive("attendance-per-event", attendancePerEvent);
			requirePositive("sessions-per-participant", sessionsPerParticipant);
		}

		private static void requirePositive(String name, int limit) {
			if (limit < 1) {
				throw new IllegalArgumentException("mentoring.sessions.limits." + name + " must be at least 1, not " + limit);
			}
		}

	}

}
