/**
 * The languages the API answers in, shared by the gateway's reactive locale resolution and the
 * services' servlet one.
 */
package com.kreativnomentorstvo.support.language;
