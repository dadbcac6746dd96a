// htmx requests carry the session's CSRF token, as forms do (the page's meta tags hold it).
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
