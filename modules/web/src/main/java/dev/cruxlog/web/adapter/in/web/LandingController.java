package dev.cruxlog.web.adapter.in.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LandingController {

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("title", "Cruxlog: your whole climbing logbook, understood");
        model.addAttribute("description", "Bring your Mountain Project, 8a.nu, theCrag and UKC logbooks together "
                + "and see your pyramids, progression and where and when you climb.");
        return "web/landing";
    }
}
