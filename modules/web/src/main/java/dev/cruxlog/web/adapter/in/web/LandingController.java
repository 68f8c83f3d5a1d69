package dev.cruxlog.web.adapter.in.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LandingController {

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("page", PageMeta.of("Cruxlog: your whole climbing logbook, understood",
                "Bring your Mountain Project, 8a.nu, theCrag and UKC logbooks together and see your "
                        + "pyramids, progression and where and when you climb."));
        return "landing";
    }
}
