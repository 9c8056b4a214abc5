/* Small enhancements for every page; the portal works without them.
   Menu button on phones, the share sheet, "Sao chép liên kết" and "In bài" on articles, YouTube players. */
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var menu = document.querySelector(".menu-button");
  if (header && menu) {
    menu.addEventListener("click", function () {
      var open = header.classList.toggle("nav-open");
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("nav-open")) {
        header.classList.remove("nav-open");
        menu.setAttribute("aria-expanded", "false");
        menu.focus();
      }
    });
  }

  // A button that works by script is shown with its list item (share.html hides both).
  function show(button) {
    button.hidden = false;
    if (button.parentNode.tagName === "LI") button.parentNode.hidden = false;
  }

  var status = document.querySelector(".copy-status");
  var copy = document.querySelector(".copy-link");
  if (copy) {
    show(copy);
    copy.addEventListener("click", function () {
      var url = copy.getAttribute("data-url");
      var done = function () { if (status) status.textContent = "Đã sao chép liên kết: " + url; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () { copyByHand(url); done(); });
      } else {
        copyByHand(url);
        done();
      }
    });
  }
  function copyByHand(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "absolute";
    field.style.left = "-9999px";
    document.body.appendChild(field);
    field.select();
    try { document.execCommand("copy"); } catch (e) { /* the status still shows the link */ }
    document.body.removeChild(field);
  }

  // A YouTube video plays where its picture was, only once the reader asks for it
  // (generator/videos.py); a click meant for a new tab still opens YouTube.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.video-link[data-player]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    var player = document.createElement("iframe");
    player.src = link.getAttribute("data-player");
    var name = link.getAttribute("aria-label");  // "Xem video: " and what the video shows
    player.title = "Video YouTube" + (name ? name.slice(name.indexOf(":")) : "");
    player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    link.parentNode.replaceChild(player, link);
    player.focus();
  });

  // The phone's share sheet lists the apps its reader uses; desktop browsers mostly have none.
  var share = document.querySelector(".share-native");
  if (share && navigator.share) {
    show(share);
    share.addEventListener("click", function () {
      navigator.share({ title: share.getAttribute("data-title"), url: share.getAttribute("data-url") })
        .catch(function () { /* closed by the reader, or not allowed: nothing to say */ });
    });
  }

  var print = document.querySelector(".print-button");
  if (print) {
    show(print);
    print.addEventListener("click", function () { window.print(); });
  }
})();
