package catdata.local;

import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * The local issuer's few HTML pages: the sign-in form, the page that posts a result to the
 * window that opened the sign-in (response mode {@code web_message}), and an error page for what
 * must not be redirected anywhere. Everything a request brought is escaped.
 */
final class IssuerPages {

    private IssuerPages() {
    }

    /**
     * One text field for a name, no password (said on the page), and the authorization request's
     * parameters carried along in hidden fields.
     */
    static String signIn(Map<String, String> request, String csrf, String problem) {
        StringBuilder hidden = new StringBuilder();
        request.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        return page("Sign in to Cat Data (local mode)", """
                <h1>Sign in to Cat Data</h1>
                <p>This is <strong>local mode</strong>, for trying Cat Data on your own machine: there is no
                password. Type any name; each name is a user of its own (<code>local|</code><em>name</em>), so two
                names in two browsers are two people sharing, or not, a catalogue.</p>
                %s
                <form method="post" action="/authorize">
                %s<input type="hidden" name="csrf" value="%s">
                <label for="username">Your name</label>
                <input id="username" name="username" autofocus required maxlength="64" pattern="[A-Za-z0-9._\\-]{1,64}">
                <button type="submit">Sign in</button>
                </form>
                <p class="hint">%s.</p>
                """.formatted(problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>",
                hidden, escape(csrf), escape("A name is " + LocalUser.RULE)));
    }

    /**
     * Posts {@code responseJson} ({@code {code, state}} or {@code {error, error_description,
     * state}}) to the window that opened this one, or to the frame holding it, as Auth0's
     * {@code web_message} response mode does; only to {@code origin}, never to any.
     */
    static String webMessage(String responseJson, String origin, String scriptNonce) {
        return page("Signing in", """
                <p>Signing in&hellip;</p>
                <script nonce="%s">
                (function () {
                  var target = window.opener || window.parent;
                  target.postMessage({type: "authorization_response", response: %s}, %s);
                })();
                </script>
                """.formatted(scriptNonce, scriptSafe(responseJson), scriptSafe(quoted(origin))));
    }

    static String error(String title, String explanation) {
        return page(title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(explanation) + "</p>\n");
    }

    static String signedOut() {
        return page("Signed out", "<h1>Signed out</h1>\n<p>You are signed out of Cat Data's local mode.</p>\n");
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
                label, input, button { display: block; margin: 0.5rem 0; font-size: 1rem; }
                input { padding: 0.4rem; width: 100%%; box-sizing: border-box; }
                .problem { color: #a00; } .hint { color: #555; font-size: 0.9rem; }
                </style>
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(escape(title), body);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** JSON inside a script element: nothing in it may close the element or open a comment. */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
