/** Health checks that a deployable registers as a bean of its own. */
package com.kreativnomentorstvo.support.health;
