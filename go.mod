module github.com/mediadesk/mediadesk

go 1.26.8
