/**
 * The memory of bearer tokens whose signature was verified, shared by the gateway's reactive decoder
 * and the services' servlet decoder, which adapt it to their decoder interfaces.
 */
package com.kreativnomentorstvo.support.tokens;
