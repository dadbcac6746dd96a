package com.kreativnomentorstvo.sessions.resource;

/** What a resource of the library is. */
public enum ResourceKind {

	/** How to do something (a handbook, a checklist), as a file or a link. */
	GUIDE,

	/** Something to fill in or copy (an agreement, a plan), as a file or a link. */
	TEMPLATE,

	/** A page elsewhere: always a link. */
	LINK

}
