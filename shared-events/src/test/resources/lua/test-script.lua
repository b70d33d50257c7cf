return one()
