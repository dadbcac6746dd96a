package com.kreativnomentorstvo.participants.returning;

/**
 * What asking the earlier cycle's mentors to return did.
 *
 * @param invited mentors invited now
 * @param invitedBefore mentors who had been invited already (nobody is invited twice)
 * @param enrolledAlready mentors enrolled in the programme already, so not invited
 */
record ReturnTally(String programmeId, String previousCycleId, int invited, int invitedBefore, int enrolledAlready) {

}
