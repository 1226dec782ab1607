package site

import (
	"fmt"
	"time"
)

// Period is a year or a month of the date archive.
type Period struct {
	Year  int
	Month time.Month // 0 for a whole year
	// RelPermalink is "/2021/" or "/2021/02/".
	RelPermalink string
	Articles     []*Article // newest first
	Pagers       []Pager
	Months       []*Period // a year's months, newest first
}

// Archive is the date archive: years, newest first, each with its months.
type Archive struct {
	Years        []*Period
	RelPermalink string // the archive index, "/archive/"
	OutputPath   string
}

// buildArchive groups newest-first articles by year and month of their date
// in the site's time zone (a story filed at 23:30 UTC on 31 December is in
// January's archive for a Baghdad newsroom).
func buildArchive(articles []*Article, loc *time.Location, perPage int) *Archive {
	ar := &Archive{RelPermalink: "/archive/"}
	ar.OutputPath = OutputPath(ar.RelPermalink)
	var year, month *Period
	for _, a := range articles {
		d := a.Date.In(loc)
		if year == nil || year.Year != d.Year() {
			year = &Period{Year: d.Year(), RelPermalink: YearURL(d.Year())}
			ar.Years = append(ar.Years, year)
			month = nil
		}
		if month == nil || month.Month != d.Month() {
			month = &Period{Year: d.Year(), Month: d.Month(), RelPermalink: fmt.Sprintf("/%04d/%02d/", d.Year(), int(d.Month()))}
			year.Months = append(year.Months, month)
		}
		year.Articles = append(year.Articles, a)
		month.Articles = append(month.Articles, a)
	}
	for _, y := range ar.Years {
		y.Pagers = Paginate(y.Articles, y.Articles, perPage, y.RelPermalink)
		for _, m := range y.Months {
			m.Pagers = Paginate(m.Articles, m.Articles, perPage, m.RelPermalink)
		}
	}
	return ar
}

// YearURL is the URL of a year's archive page.
func YearURL(year int) string { return fmt.Sprintf("/%04d/", year) }
