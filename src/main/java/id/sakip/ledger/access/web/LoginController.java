package id.sakip.ledger.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page of the web pages. */
@Controller
public class LoginController {

    @GetMapping("/login")
    public String login(@RequestParam(name = "tunggu", required = false) String wait, Model model) {
        if (wait != null && wait.matches("\\d{1,6}")) {
            model.addAttribute("waitSeconds", Long.parseLong(wait));
        }
        return "login";
    }
}
