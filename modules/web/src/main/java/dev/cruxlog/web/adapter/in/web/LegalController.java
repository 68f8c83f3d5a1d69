package dev.cruxlog.web.adapter.in.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The terms of use and the privacy notice: what Cruxlog does with a climber's data. */
@Controller
class LegalController {

    @GetMapping("/terms")
    String terms(Model model) {
        model.addAttribute("title", "Terms of use · Cruxlog");
        return "web/terms";
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("title", "Privacy · Cruxlog");
        return "web/privacy";
    }
}
