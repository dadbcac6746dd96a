/**
 * The API's route table, shared by the gateway, which routes every client's requests by it, and the
 * web application, which calls the services directly by it.
 */
package com.kreativnomentorstvo.support.routes;
