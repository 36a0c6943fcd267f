package routing

// englishQuery reads in's subject and new text as an English query
// against c into a scratch from c's pool, as Link does before it scores
// candidates, for tests of one rule on hand-made candidates; done returns
// the scratch and the message.
func englishQuery(c *Catalogue, in *Input) (sc *scratch, done func()) {
	m := newMessage(in)
	sc = c.pool.Get().(*scratch)
	sc.idsDone = [nParts]bool{}
	sc.voc, sc.english, sc.quotedVoc, sc.sender = vocabFor("en"), true, nil, nil
	sc.reset()
	c.addQuery(sc, m, partSubject, weightSubject, true)
	c.addQuery(sc, m, partNew, weightNew, false)
	return sc, func() {
		c.pool.Put(sc)
		m.release()
	}
}
