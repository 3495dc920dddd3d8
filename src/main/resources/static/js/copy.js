document.addEventListener('click', function (event) {
  var button = event.target.closest('button.copy');
  if (!button) {
    return;
  }
  var text = button.getAttribute('data-copy');
  var done = function () { button.textContent = 'Tersalin'; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
    return;
  }
  var field = document.createElement('textarea');
  field.value = text;
  document.body.appendChild(field);
  field.select();
  document.execCommand('copy');
  document.body.removeChild(field);
  done();
});
